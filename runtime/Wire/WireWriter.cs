using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ProtocolGen.Internal;

namespace ProtocolGen.Wire;

/// <summary>
/// Writes wire fields into a span. Callers size the span from <see cref="IWireWritable.WireSize"/> first,
/// so a short span is a bug and throws <see cref="ArgumentException"/>. A value the wire cannot carry (null,
/// a lone surrogate, a wrong fixed length, a prefix overflow) throws <see cref="WireEncodeException"/> naming the
/// field, before the field's first byte is written.
/// </summary>
public ref struct WireWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    // The pseudo-header's sum, folded to 16 bits as WireReader keeps it.
    private ushort _pseudoHeader;

    // Set while a [Switch] member's case is written: its parent hands the pseudo-header without the upper-layer length,
    // which the case adds once it has written itself (PseudoHeaderFor), so nothing sizes the case a second time.
    private bool _pseudoHeaderLacksLength;

    /// <summary>Writes into <paramref name="buffer"/> from its start.</summary>
    public WireWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _pseudoHeader = 0;
        _pseudoHeaderLacksLength = false;
    }

    /// <summary>
    /// The pseudo-header's partial sum that a <c>[Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)]</c> field
    /// (TCP's, UDP's) adds to the bytes it covers when it is computed; 0 by default. Set it to write a transport record
    /// on its own: <c>new WireWriter(span) { PseudoHeader = Checksums.PseudoHeader(source, destination, 17, size) }</c>.
    /// While a <c>[Switch]</c> member's case is written it is the sum without the case's length, which
    /// <see cref="PseudoHeaderFor"/> adds.
    /// </summary>
    public ulong PseudoHeader
    {
        readonly get => _pseudoHeader;
        init => _pseudoHeader = Checksums.FoldSeed(value);
    }

    /// <summary>
    /// The pseudo-header sum a record of <paramref name="recordLength"/> bytes adds to its checksum: <see cref="PseudoHeader"/>,
    /// plus that length while the record is a <c>[Switch]</c> member's case, whose parent leaves the length to it.
    /// Generated cases' writers call it once they have written themselves.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly ulong PseudoHeaderFor(int recordLength) =>
        _pseudoHeaderLacksLength ? _pseudoHeader + (uint)recordLength : _pseudoHeader;

    /// <summary>Whether <see cref="PseudoHeader"/> lacks the case's length, which <see cref="PseudoHeaderFor"/> adds.</summary>
    internal readonly bool PseudoHeaderLacksLength => _pseudoHeaderLacksLength;

    /// <summary>Sets the pseudo-header for a <c>[Switch]</c> member's case (<see cref="Internal.WireCases"/>), and back.</summary>
    internal void SetPseudoHeader(ulong value, bool lacksLength)
    {
        _pseudoHeader = Checksums.FoldSeed(value);
        _pseudoHeaderLacksLength = lacksLength;
    }

    /// <summary>How many bytes have been written.</summary>
    public readonly int Position => _position;

    /// <summary>
    /// The bytes not written yet. Generated writers take this once, write a run of fields at constant offsets
    /// after one slice, then <see cref="Advance"/> once.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly Span<byte> UnwrittenSpan => _buffer.Slice(_position);

    /// <summary>Marks <paramref name="count"/> bytes of <see cref="UnwrittenSpan"/> as written.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            ThrowAdvancedTooFar();
        }

        _position += count;
    }

    /// <summary>Writes an unsigned byte.</summary>
    public void WriteByte(byte value) => _buffer[_position++] = value;

    /// <summary>Writes a signed byte.</summary>
    public void WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes a little-endian <see cref="ushort"/>.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(sizeof(ushort)), value);

    /// <summary>Writes a little-endian <see cref="short"/>.</summary>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Take(sizeof(short)), value);

    /// <summary>Writes a little-endian <see cref="uint"/>.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(sizeof(uint)), value);

    /// <summary>Writes a little-endian <see cref="int"/>.</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(sizeof(int)), value);

    /// <summary>Writes a little-endian <see cref="ulong"/>.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(sizeof(ulong)), value);

    /// <summary>Writes a little-endian <see cref="long"/>.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value);

    /// <summary>Writes a big-endian <see cref="ushort"/>.</summary>
    public void WriteUInt16BigEndian(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Take(sizeof(ushort)), value);

    /// <summary>Writes a big-endian <see cref="short"/>.</summary>
    public void WriteInt16BigEndian(short value) => BinaryPrimitives.WriteInt16BigEndian(Take(sizeof(short)), value);

    /// <summary>Writes a big-endian <see cref="uint"/>.</summary>
    public void WriteUInt32BigEndian(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Take(sizeof(uint)), value);

    /// <summary>Writes a big-endian <see cref="int"/>.</summary>
    public void WriteInt32BigEndian(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(sizeof(int)), value);

    /// <summary>Writes a big-endian <see cref="ulong"/>.</summary>
    public void WriteUInt64BigEndian(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Take(sizeof(ulong)), value);

    /// <summary>Writes a big-endian <see cref="long"/>.</summary>
    public void WriteInt64BigEndian(long value) => BinaryPrimitives.WriteInt64BigEndian(Take(sizeof(long)), value);

    /// <summary>Writes <paramref name="value"/> as it is, with no prefix.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

    /// <summary>Writes exactly <paramref name="length"/> bytes; a value of another length throws, naming <paramref name="field"/>.</summary>
    public void WriteFixedBytes(ReadOnlySpan<byte> value, int length, string field)
    {
        if (value.Length != length)
        {
            throw WireEncodeException.WrongFixedLength(field, value.Length, length);
        }

        WriteBytes(value);
    }

    /// <summary>Writes a length or count prefix; a value the prefix cannot hold throws, naming <paramref name="field"/>.</summary>
    public void WritePrefix(PrefixWidth width, int value, string field, bool bigEndian = false)
    {
        var max = WireLength.MaxPrefixValue(width);
        if ((ulong)value > max)
        {
            throw WireEncodeException.TooLongForPrefix(field, value, width, max);
        }

        switch (width)
        {
            case PrefixWidth.U8:
                WriteByte((byte)value);
                break;
            case PrefixWidth.U16 when bigEndian:
                WriteUInt16BigEndian((ushort)value);
                break;
            case PrefixWidth.U16:
                WriteUInt16((ushort)value);
                break;
            case PrefixWidth.U32 when bigEndian:
                WriteUInt32BigEndian((uint)value);
                break;
            default:
                WriteUInt32((uint)value);
                break;
        }
    }

    /// <summary>Writes <paramref name="value"/> as strict UTF-8 with no prefix; null or a lone surrogate throws (prefer the overload naming the field).</summary>
    /// <exception cref="WireEncodeException">Null, or not valid UTF-16; nothing is written.</exception>
    public void WriteUtf8(string? value) => WriteUtf8(value, nameof(value));

    /// <summary>Writes <paramref name="value"/> as strict UTF-8 with no prefix; null or a lone surrogate throws, naming <paramref name="field"/>.</summary>
    /// <exception cref="WireEncodeException">Null, or not valid UTF-16; nothing is written.</exception>
    public void WriteUtf8(string? value, string field)
    {
        // Counted (and so checked) before the first byte, so a refused text leaves the span as it was.
        var length = WireText.Count(value, field);
        WireText.Write(value, Take(length), field);
    }

    /// <summary>Writes a nested wire structure (which checks itself first, through its <see cref="IWireWritable.WriteTo"/>).</summary>
    public void WriteStruct<T>(T value)
        where T : IWireWritable => value.WriteTo(ref this);

    /// <summary>Writes a nested structure its parent's <see cref="IWireWritable.WireSize"/> already checked: generated writers' path.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteStructAfterSize<T>(T value)
        where T : IWireWritable => value.WriteAfterSize(ref this);

    /// <summary>Writes structures their parent's <see cref="IWireWritable.WireSize"/> already checked: generated writers' path.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteArrayAfterSize<T>(ReadOnlySpan<T> items)
        where T : IWireStruct<T>
    {
        foreach (var item in items)
        {
            item.WriteAfterSize(ref this);
        }
    }

    /// <summary>Writes each element of <paramref name="items"/>, with no prefix; a default array throws.</summary>
    /// <exception cref="WireEncodeException">A default array.</exception>
    public void WriteArray<T>(ImmutableArray<T> items)
        where T : IWireStruct<T>
    {
        if (items.IsDefault)
        {
            throw WireEncodeException.Null(nameof(items));
        }

        WriteArray(items.AsSpan());
    }

    /// <summary>Writes each element of <paramref name="items"/>, with no prefix.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> items)
        where T : IWireStruct<T>
    {
        foreach (var item in items)
        {
            item.WriteTo(ref this);
        }
    }

    /// <summary>Writes each integer, boolean or enum of <paramref name="items"/>, with no prefix.</summary>
    public void WritePrimitiveArray<T>(ReadOnlySpan<T> items, bool bigEndian = false)
        where T : unmanaged
    {
        var destination = Take(checked(items.Length * Unsafe.SizeOf<T>()));
        MemoryMarshal.AsBytes(items).CopyTo(destination);
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            WireByteOrder.Reverse(MemoryMarshal.Cast<byte, T>(destination));
        }
    }

    /// <summary>Writes each integer, boolean or enum of <paramref name="items"/>, with no prefix; a default array throws.</summary>
    /// <exception cref="WireEncodeException">A default array.</exception>
    public void WritePrimitiveArray<T>(ImmutableArray<T> items, bool bigEndian = false)
        where T : unmanaged
    {
        if (items.IsDefault)
        {
            throw WireEncodeException.Null(nameof(items));
        }

        WritePrimitiveArray(items.AsSpan(), bigEndian);
    }

    [DoesNotReturn]
    private static void ThrowAdvancedTooFar() => throw new ArgumentOutOfRangeException("count", "A writer cannot advance past the end of its buffer.");

    private Span<byte> Take(int size)
    {
        var span = _buffer.Slice(_position, size);
        _position += size;
        return span;
    }
}
