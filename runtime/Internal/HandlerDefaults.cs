using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// How a generated sink learns that a handler left a packet kind to its default method, for generated code.
/// </summary>
/// <remarks>
/// A default interface method that runs on a struct runs on a boxed copy: it allocates, and whatever it changes
/// is lost with the copy. So the generated defaults do nothing but say they ran, here, and the sink then calls
/// the handler's <c>HandleOther</c> on the handler itself. The JIT inlines such a default and drops its box.
/// A sink brackets its handler calls with <see cref="Enter()"/> and <see cref="Exit(bool)"/>, which save and restore
/// the caller's state, so a handler that dispatches frames itself (a nested stream read inside its method) cannot
/// change what its own caller sees. A loop over a buffer takes the thread's state once (<see cref="ThreadState"/>),
/// brackets the whole loop on it the same way, and keeps it clear between handler calls: after each per-kind call it
/// only looks (set means the default ran) and clears it again after <c>HandleOther</c>, with no thread-static lookup
/// or save and restore per frame; nested reads on the thread share that state and save and restore it alike.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerDefaults
{
    [ThreadStatic]
    private static bool t_defaulted;

    /// <summary>Called by a generated default method: the handler does not handle this kind.</summary>
    public static void Defaulted() => t_defaulted = true;

    /// <summary>
    /// The calling thread's state, for a generated loop that calls many handler methods on one thread (it has no
    /// <c>await</c>): it takes the reference once and brackets the loop with <see cref="Enter(ref bool)"/> and
    /// <see cref="Exit(ref bool, bool)"/>, instead of looking the thread-static up for every frame.
    /// </summary>
    public static ref bool ThreadState => ref t_defaulted;

    /// <summary>Called by a generated sink before a handler method; returns the state to give back to <see cref="Exit(bool)"/>.</summary>
    public static bool Enter() => Enter(ref t_defaulted);

    /// <summary>Called by a generated sink after a handler method: whether the default ran. Restores <paramref name="outer"/>.</summary>
    public static bool Exit(bool outer) => Exit(ref t_defaulted, outer);

    /// <summary><see cref="Enter()"/> on the thread's <paramref name="state"/> (<see cref="ThreadState"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Enter(ref bool state)
    {
        var outer = state;
        state = false;
        return outer;
    }

    /// <summary><see cref="Exit(bool)"/> on the thread's <paramref name="state"/> (<see cref="ThreadState"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Exit(ref bool state, bool outer)
    {
        var defaulted = state;
        state = outer;
        return defaulted;
    }
}
