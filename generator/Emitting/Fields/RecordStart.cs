using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// Where a record began, for a reader or a writer body, kept in locals declared at the record's start: its cursor's
/// position, for a length measured from the record's start that ends at no constant offset; and, once a member that
/// reads or writes itself has moved the <c>WireReader</c>/<c>WireWriter</c> (so the body's span starts after it), the
/// span at the start, from which checksummed ranges are measured.
/// </summary>
internal sealed class RecordStart
{
    private readonly string _cursor;
    private readonly string _span;
    private readonly string? _start;
    private readonly string? _bytes;

    /// <param name="cursor"><c>reader</c> or <c>writer</c>.</param>
    /// <param name="span">The body's span: <c>source</c> or <c>destination</c>.</param>
    public RecordStart(SourceWriter writer, LayoutPlan layout, LocalNames names, string cursor, string span)
    {
        _cursor = cursor;
        _span = span;
        var checksumsMayMove = ChecksumCode.MayMove(layout);
        if (checksumsMayMove || LengthCode.NeedsRecordStart(layout))
        {
            // LengthReadCode and LengthWriteCode name the same local.
            _start = names.Temporary("recordStart");
            writer.Line($"var {_start} = {cursor}.Position;");
        }

        if (checksumsMayMove)
        {
            _bytes = names.Temporary("recordBytes");
            writer.Line($"var {_bytes} = {span};");
        }
    }

    /// <summary>Whether the body has moved its cursor: set when it catches the cursor up to write or read itself.</summary>
    public bool Moved { get; set; }

    /// <summary>The record's bytes so far: the body's span until it moves, then the span kept at the record's start.</summary>
    public string Bytes => Moved ? _bytes! : _span;

    /// <summary>An offset in the body's span as an offset from the record's start.</summary>
    public string FromRecordStart(string offset) => !Moved
        ? offset
        : offset == "0" ? $"{_cursor}.Position - {_start}" : $"{_cursor}.Position - {_start} + {offset}";

    /// <summary>An offset from the record's start as an offset in the body's span.</summary>
    public string InSpan(string offset) => Moved ? $"{offset} - ({_cursor}.Position - {_start})" : offset;
}
