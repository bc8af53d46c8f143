using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>The encode check of a <see cref="PresentWhenAttribute"/> member, for generated <c>WireSize</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireConditions
{
    /// <summary>
    /// Throws unless the member is <paramref name="present"/> exactly when its condition <paramref name="holds"/>: a
    /// decoder reads it by the selector, so bytes written otherwise would not decode to this value.
    /// </summary>
    /// <typeparam name="TSelector">The selector's type (an integer, a bool or an enum), so the message says its value as that type does.</typeparam>
    /// <param name="present">Whether the member holds a value.</param>
    /// <param name="holds">Whether the selector's value calls for it.</param>
    /// <param name="field">The member's wire name.</param>
    /// <param name="selector">The selector's wire name.</param>
    /// <param name="selectorValue">The selector's value, for the message only (formatted when throwing).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check<TSelector>(bool present, bool holds, string field, string selector, TSelector selectorValue)
    {
        if (present != holds)
        {
            ThrowMismatch(field, present, selector, selectorValue);
        }
    }

    /// <summary>
    /// A selector's value as a message says it: an enum's name with its number (<c>Close (4)</c>, or the number alone
    /// when it has no name), a bool as <c>true</c> or <c>false</c>, an integer as its number. Only errors call it.
    /// </summary>
    internal static string Describe<TSelector>(TSelector value) => value switch
    {
        bool flag => flag ? "true" : "false",
        Enum named => Describe(named),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    private static string Describe(Enum value)
    {
        var number = value.ToString("D");
        var name = value.ToString();
        return name == number ? number : $"{name} ({number})";
    }

    // Cold: the message is built, and the selector's value boxed, only when the check fails.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMismatch<TSelector>(string field, bool present, string selector, TSelector selectorValue) =>
        throw WireEncodeException.ConditionMismatch(field, present, selector, Describe(selectorValue));
}
