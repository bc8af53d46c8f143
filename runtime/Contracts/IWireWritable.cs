using System.ComponentModel;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>A value that knows its size on the wire and writes itself.</summary>
public interface IWireWritable
{
    /// <summary>The number of bytes <see cref="WriteTo(ref WireWriter)"/> writes.</summary>
    /// <exception cref="WireEncodeException">A field the wire cannot carry (generated structures check every field here).</exception>
    int WireSize { get; }

    /// <summary>Writes this value's fields, in order, with no header.</summary>
    /// <remarks>Generated structures check the value first (as <see cref="WireSize"/> does), so a refused value writes no byte.</remarks>
    /// <exception cref="WireEncodeException">A field the wire cannot carry.</exception>
    void WriteTo(ref WireWriter writer);

    /// <summary>
    /// Writes this value's fields once <see cref="WireSize"/> has accepted it: the runtime's encoders and generated
    /// writers call this after sizing, so the checks run once per encode. Generated structures write here without
    /// checking again; any other implementation writes through <see cref="WriteTo(ref WireWriter)"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    void WriteAfterSize(ref WireWriter writer) => WriteTo(ref writer);
}
