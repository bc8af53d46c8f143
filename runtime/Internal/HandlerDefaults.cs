using System;
using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// How a generated sink learns that a handler left a packet kind to its default method, for generated code.
/// </summary>
/// <remarks>
/// A default interface method that runs on a struct runs on a boxed copy: it allocates, and whatever it changes
/// is lost with the copy. So the generated defaults do nothing but say they ran, here, and the sink then calls
/// the handler's <c>HandleOther</c> on the handler itself. The JIT inlines such a default and drops its box.
/// A sink brackets each handler call with <see cref="Enter"/> and <see cref="Exit"/>, which save and restore the
/// caller's state, so a handler that dispatches frames itself (a nested stream read inside its method) cannot
/// change what its own caller sees.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerDefaults
{
    [ThreadStatic]
    private static bool t_defaulted;

    /// <summary>Called by a generated default method: the handler does not handle this kind.</summary>
    public static void Defaulted() => t_defaulted = true;

    /// <summary>Called by a generated sink before a handler method; returns the state to give back to <see cref="Exit"/>.</summary>
    public static bool Enter()
    {
        var outer = t_defaulted;
        t_defaulted = false;
        return outer;
    }

    /// <summary>Called by a generated sink after a handler method: whether the default ran. Restores <paramref name="outer"/>.</summary>
    public static bool Exit(bool outer)
    {
        var defaulted = t_defaulted;
        t_defaulted = outer;
        return defaulted;
    }
}
