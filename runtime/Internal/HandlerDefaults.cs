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
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerDefaults
{
    [ThreadStatic]
    private static bool t_defaulted;

    /// <summary>Called by a generated default method: the handler does not handle this kind.</summary>
    public static void Defaulted() => t_defaulted = true;

    /// <summary>Called by a generated sink before a handler method.</summary>
    public static void Begin() => t_defaulted = false;

    /// <summary>Called by a generated sink after a handler method: whether the default ran.</summary>
    public static bool RanDefault() => t_defaulted;
}
