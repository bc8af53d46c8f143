namespace ProtocolGen;

/// <summary>A value that knows its size on the wire and writes itself.</summary>
public interface IWireWritable
{
    /// <summary>The number of bytes <see cref="WriteTo(ref WireWriter)"/> writes.</summary>
    int WireSize { get; }

    /// <summary>Writes this value's fields, in order, with no header.</summary>
    void WriteTo(ref WireWriter writer);
}
