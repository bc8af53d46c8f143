using System.ComponentModel;
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
    /// <param name="present">Whether the member holds a value.</param>
    /// <param name="holds">Whether the selector's value calls for it.</param>
    /// <param name="field">The member's wire name.</param>
    /// <param name="selector">The selector's wire name.</param>
    /// <param name="selectorValue">The selector's value, for the message.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(bool present, bool holds, string field, string selector, ulong selectorValue)
    {
        if (present != holds)
        {
            throw WireEncodeException.ConditionMismatch(field, present, selector, selectorValue);
        }
    }
}
