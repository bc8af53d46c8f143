using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// The outcome of checking a structure's bytes before a view is made over them: where its fields end, or the
/// first problem and where it is, with the same kinds and offsets the record decoder reports.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ViewCheck
{
    private ViewCheck(int end, ProtocolErrorKind? fault)
    {
        End = end;
        Fault = fault;
    }

    /// <summary>Where the fields end, when they are valid; where the problem is, otherwise.</summary>
    public int End { get; }

    /// <summary>What is wrong, or null when the fields are valid.</summary>
    public ProtocolErrorKind? Fault { get; }

    /// <summary>Whether a problem was found.</summary>
    public bool Failed => Fault.HasValue;

    /// <summary>Valid fields that end at <paramref name="end"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ViewCheck Valid(int end) => new(end, null);

    /// <summary>A problem of kind <paramref name="fault"/> at <paramref name="offset"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ViewCheck Fail(ProtocolErrorKind fault, int offset) => new(offset, fault);
}
