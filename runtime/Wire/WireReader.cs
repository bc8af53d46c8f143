using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using ProtocolGen.Internal;

namespace ProtocolGen.Wire;

/// <summary>
/// Reads wire fields from a span, never past its end. The first problem is recorded (see
/// <see cref="HasFailed"/>) and every read after it returns a default value, so generated readers check
/// once, after the last field, instead of after each one.
/// </summary>
public ref partial struct WireReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;
    // The first failure, or 0 (no kind) while none: not nullable, so that with _skipChecksums the reader stays 32 bytes.
    private ProtocolErrorKind _fault;
    private int _faultOffset;
    private bool _skipChecksums;

    // How many wire union cases enclose the one being read: nested dispatch (IP in IP) is bounded, so a hostile
    // frame cannot nest cases until the stack overflows. It fits the byte after _skipChecksums.
    private byte _caseDepth;

    // The pseudo-header's sum, folded to 16 bits (exact for the Internet checksum's one's complement arithmetic): it
    // fits the padding after _skipChecksums and _caseDepth, so the reader stays 32 bytes.
    private ushort _pseudoHeader;

    /// <summary>Reads <paramref name="buffer"/> from its start.</summary>
    public WireReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _fault = default;
        _faultOffset = 0;
        _skipChecksums = false;
        _pseudoHeader = 0;
    }

    /// <summary>Reads <paramref name="buffer"/> from its start, verifying <c>[Checksum]</c> fields or not.</summary>
    /// <param name="buffer">The bytes to read.</param>
    /// <param name="verifyChecksums">Whether a checksum that differs from the one its bytes give is
    /// <see cref="ProtocolErrorKind.ChecksumMismatch"/> (true, as the other constructor reads) or is read as it is.</param>
    public WireReader(ReadOnlySpan<byte> buffer, bool verifyChecksums)
        : this(buffer)
    {
        _skipChecksums = !verifyChecksums;
    }

    /// <summary>A reader of <paramref name="buffer"/> as another reader left it: at <paramref name="position"/>, with its first failure, if any.</summary>
    internal static WireReader Stopped(ReadOnlySpan<byte> buffer, int position, ProtocolErrorKind? fault, int faultOffset)
    {
        var reader = new WireReader(buffer);
        reader._position = position;
        reader._fault = fault ?? default;
        reader._faultOffset = faultOffset;
        return reader;
    }

    /// <summary>Whether generated readers verify <c>[Checksum]</c> fields; nested records are read with the same rule.</summary>
    public readonly bool VerifiesChecksums => !_skipChecksums;

    /// <summary>
    /// The pseudo-header's partial sum that a <c>[Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)]</c> field
    /// (TCP's, UDP's) adds to the bytes it covers, such as <see cref="Checksums.PseudoHeader(Ipv4Address, Ipv4Address, byte, int)"/>
    /// gives; 0 by default. Set it to read a transport record on its own:
    /// <c>new WireReader(segment) { PseudoHeader = Checksums.PseudoHeader(source, destination, 6, segment.Length) }</c>.
    /// It is kept folded to 16 bits, which gives every Internet checksum the same value.
    /// </summary>
    public ulong PseudoHeader
    {
        readonly get => _pseudoHeader;
        init => _pseudoHeader = Checksums.FoldSeed(value);
    }

    /// <summary>How many bytes have been read.</summary>
    public readonly int Position => _position;

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>Whether a read has failed; the values read since are defaults.</summary>
    public readonly bool HasFailed => _fault != default;

    /// <summary>The first failure, if any.</summary>
    public readonly ProtocolErrorKind? Fault => _fault == default ? null : _fault;

    /// <summary>Where the first failure happened, in bytes from the start.</summary>
    public readonly int FaultOffset => _faultOffset;

    /// <summary>
    /// The bytes not read yet. Generated readers take this once, read a run of fields at constant offsets
    /// after one length check, then <see cref="Advance"/> once, so the position stays in a register.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly ReadOnlySpan<byte> UnreadSpan => _buffer.Slice(_position);

    /// <summary>Marks <paramref name="count"/> bytes of <see cref="UnreadSpan"/> as read.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Advance(int count)
    {
        if ((uint)count > (uint)Remaining)
        {
            ThrowAdvancedTooFar();
        }

        _position += count;
    }

    /// <summary>
    /// Records that the value at <paramref name="unreadOffset"/> bytes into <see cref="UnreadSpan"/> is bad, and
    /// returns false with a default <paramref name="value"/>: a generated reader's way out, in one call.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Refuse<T>(ProtocolErrorKind kind, int unreadOffset, [MaybeNull] out T value)
    {
        FailAt(kind, _position + unreadOffset);
        value = default;
        return false;
    }

    /// <summary>
    /// Records that the fields need more bytes than the buffer holds (<see cref="ProtocolErrorKind.SizeMismatch"/>,
    /// at the end of the buffer) and returns false with a default <paramref name="value"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool RefuseShort<T>([MaybeNull] out T value)
    {
        FailAt(ProtocolErrorKind.SizeMismatch, _buffer.Length);
        _position = _buffer.Length;
        value = default;
        return false;
    }

    /// <summary>
    /// <see cref="Refuse{T}(ProtocolErrorKind, int, out T)"/> for a reader that returns its value (a packet of a class
    /// union): records the failure and returns null.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public T? Refuse<T>(ProtocolErrorKind kind, int unreadOffset)
        where T : class
    {
        FailAt(kind, _position + unreadOffset);
        return null;
    }

    /// <summary>
    /// <see cref="RefuseShort{T}(out T)"/> for a reader that returns its value (a packet of a class union): records
    /// the failure, moves to the end and returns null.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public T? RefuseShort<T>()
        where T : class
    {
        FailAt(ProtocolErrorKind.SizeMismatch, _buffer.Length);
        _position = _buffer.Length;
        return null;
    }

    /// <summary>
    /// Reads a nested structure that reads itself (its size or validity is its own business) and returns false,
    /// with the failure recorded, when it cannot.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadStruct<T>([MaybeNullWhen(false)] out T value)
        where T : IWireStruct<T>
    {
        if (T.TryReadFrom(ref this, out value) && !HasFailed)
        {
            return true;
        }

        // A hand-written reader may refuse a value without saying why; the first recorded failure wins anyway.
        Fail(ProtocolErrorKind.InvalidValue);
        value = default;
        return false;
    }

    /// <summary>Records <paramref name="kind"/> at the current position, unless a failure is already recorded.</summary>
    public void Fail(ProtocolErrorKind kind) => FailAt(kind, _position);

    private void FailAt(ProtocolErrorKind kind, int offset)
    {
        if (_fault == default)
        {
            _fault = kind;
            _faultOffset = offset;
        }
    }

    /// <summary>Reads an unsigned byte.</summary>
    public byte ReadByte()
    {
        if (_position < _buffer.Length)
        {
            return _buffer[_position++];
        }

        Fail(ProtocolErrorKind.SizeMismatch);
        return 0;
    }

    /// <summary>Reads a signed byte.</summary>
    public sbyte ReadSByte() => unchecked((sbyte)ReadByte());

    /// <summary>Reads a boolean stored as one byte, 0 or 1; any other value is <see cref="ProtocolErrorKind.InvalidValue"/>.</summary>
    public bool ReadBoolean()
    {
        var value = ReadByte();
        if (value > 1)
        {
            FailAt(ProtocolErrorKind.InvalidValue, _position - 1);
        }

        return value == 1;
    }

    /// <summary>Reads a little-endian <see cref="ushort"/>.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort)));

    /// <summary>Reads a little-endian <see cref="short"/>.</summary>
    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(sizeof(short)));

    /// <summary>Reads a little-endian <see cref="uint"/>.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint)));

    /// <summary>Reads a little-endian <see cref="int"/>.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    /// <summary>Reads a little-endian <see cref="ulong"/>.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong)));

    /// <summary>Reads a little-endian <see cref="long"/>.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    /// <summary>Reads a big-endian <see cref="ushort"/>.</summary>
    public ushort ReadUInt16BigEndian() => BinaryPrimitives.ReadUInt16BigEndian(Take(sizeof(ushort)));

    /// <summary>Reads a big-endian <see cref="short"/>.</summary>
    public short ReadInt16BigEndian() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    /// <summary>Reads a big-endian <see cref="uint"/>.</summary>
    public uint ReadUInt32BigEndian() => BinaryPrimitives.ReadUInt32BigEndian(Take(sizeof(uint)));

    /// <summary>Reads a big-endian <see cref="int"/>.</summary>
    public int ReadInt32BigEndian() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    /// <summary>Reads a big-endian <see cref="ulong"/>.</summary>
    public ulong ReadUInt64BigEndian() => BinaryPrimitives.ReadUInt64BigEndian(Take(sizeof(ulong)));

    /// <summary>Reads a big-endian <see cref="long"/>.</summary>
    public long ReadInt64BigEndian() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    /// <summary>
    /// Reads <paramref name="length"/> bytes as a view into the buffer (empty after a failure).
    /// The view is only valid as long as the buffer is.
    /// </summary>
    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if ((uint)length <= (uint)Remaining)
        {
            var span = _buffer.Slice(_position, length);
            _position += length;
            return span;
        }

        Fail(ProtocolErrorKind.SizeMismatch);
        _position = _buffer.Length;
        return default;
    }

    /// <summary>Reads the bytes left in the buffer.</summary>
    public ReadOnlySpan<byte> ReadToEnd() => ReadSpan(Remaining);

    /// <summary>Reads <paramref name="length"/> bytes into a new array.</summary>
    public byte[] ReadBytes(int length)
    {
        var span = ReadSpan(length);
        return span.IsEmpty ? Array.Empty<byte>() : span.ToArray();
    }

    /// <summary>Reads <paramref name="length"/> bytes of UTF-8 text; invalid UTF-8 is <see cref="ProtocolErrorKind.InvalidText"/>.</summary>
    public string ReadUtf8(int length)
    {
        var start = _position;
        var span = ReadSpan(length);
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        // One strict pass, the generated readers' own (vectorised past ASCII).
        if (!WireText.TryDecode(span, out var text))
        {
            FailAt(ProtocolErrorKind.InvalidText, start);
            return string.Empty;
        }

        return text;
    }

    /// <summary>
    /// Reads a length prefix and checks that that many bytes remain; a longer length is
    /// <see cref="ProtocolErrorKind.LengthBeyondFrame"/> and yields 0.
    /// </summary>
    public int ReadLengthPrefix(PrefixWidth width, bool bigEndian = false) => ReadBoundedPrefix(width, bigEndian, elementSize: 1);

    /// <summary>
    /// Reads a count prefix and checks that <paramref name="minElementSize"/> times that many bytes
    /// remain, so a hostile count never causes a large allocation; too large a count is
    /// <see cref="ProtocolErrorKind.LengthBeyondFrame"/> and yields 0.
    /// </summary>
    public int ReadCountPrefix(PrefixWidth width, int minElementSize, bool bigEndian = false) =>
        ReadBoundedPrefix(width, bigEndian, Math.Max(1, minElementSize));

    /// <summary>
    /// Reads a count prefix of <typeparamref name="T"/> elements, checked against the bytes that remain
    /// and <typeparamref name="T"/>'s minimum size.
    /// </summary>
    public int ReadCountPrefix<T>(PrefixWidth width, bool bigEndian = false)
        where T : IWireStruct<T> => ReadCountPrefix(width, T.MinWireSize, bigEndian);

    /// <summary>Reads a nested wire structure (a default value after a failure).</summary>
    public T ReadStruct<T>()
        where T : IWireStruct<T>
    {
        if (T.TryReadFrom(ref this, out var value))
        {
            return value;
        }

        // A hand-written reader may refuse a value without saying why; the first recorded failure wins anyway.
        Fail(ProtocolErrorKind.InvalidValue);
        return default!;
    }

    /// <summary>Reads <paramref name="count"/> wire structures (count already checked by <see cref="ReadCountPrefix"/>).</summary>
    public ImmutableArray<T> ReadImmutableArray<T>(int count)
        where T : IWireStruct<T>
    {
        var items = ReadArray<T>(count);
        return items.Length == 0 ? ImmutableArray<T>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>Reads <paramref name="count"/> wire structures into a new array.</summary>
    public T[] ReadArray<T>(int count)
        where T : IWireStruct<T>
    {
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            if (!T.TryReadFrom(ref this, out var item))
            {
                Fail(ProtocolErrorKind.InvalidValue);
                return Array.Empty<T>();
            }

            items[i] = item;
        }

        return items;
    }

    /// <summary>
    /// Reads <paramref name="count"/> integers, booleans or enums (count already checked by
    /// <see cref="ReadCountPrefix(PrefixWidth, int, bool)"/> against their size) into a new array.
    /// A boolean other than 0 or 1 is <see cref="ProtocolErrorKind.InvalidValue"/>.
    /// </summary>
    public T[] ReadPrimitiveArray<T>(int count, bool bigEndian = false)
        where T : unmanaged
    {
        var start = _position;
        var length = (ulong)(uint)count * (ulong)Unsafe.SizeOf<T>();
        if (length > (ulong)Remaining)
        {
            Fail(ProtocolErrorKind.SizeMismatch);
            _position = _buffer.Length;
            return Array.Empty<T>();
        }

        var bytes = ReadSpan((int)length);
        if (bytes.IsEmpty)
        {
            return Array.Empty<T>();
        }

        if (typeof(T) == typeof(bool) && bytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
        {
            FailAt(ProtocolErrorKind.InvalidValue, start + bad);
            return Array.Empty<T>();
        }

        var items = new T[count];
        bytes.CopyTo(MemoryMarshal.AsBytes(items.AsSpan()));
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            WireByteOrder.Reverse(items.AsSpan());
        }

        return items;
    }

    /// <summary>Reads <paramref name="count"/> integers, booleans or enums, as <see cref="ReadPrimitiveArray{T}"/> does.</summary>
    public ImmutableArray<T> ReadPrimitiveImmutableArray<T>(int count, bool bigEndian = false)
        where T : unmanaged => ImmutableCollectionsMarshal.AsImmutableArray(ReadPrimitiveArray<T>(count, bigEndian));

    private int ReadBoundedPrefix(PrefixWidth width, bool bigEndian, int elementSize)
    {
        var prefixStart = _position;
        ulong value = width switch
        {
            PrefixWidth.U8 => ReadByte(),
            PrefixWidth.U16 => bigEndian ? ReadUInt16BigEndian() : ReadUInt16(),
            _ => bigEndian ? ReadUInt32BigEndian() : ReadUInt32(),
        };

        if (HasFailed)
        {
            return 0;
        }

        if (value > (ulong)(Remaining / elementSize))
        {
            FailAt(ProtocolErrorKind.LengthBeyondFrame, prefixStart);
            return 0;
        }

        return (int)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int size)
    {
        if (size <= Remaining)
        {
            var span = _buffer.Slice(_position, size);
            _position += size;
            return span;
        }

        return TakeFailed(size);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> TakeFailed(int size)
    {
        Fail(ProtocolErrorKind.SizeMismatch);
        _position = _buffer.Length;

        // A zeroed scratch span keeps the fast path branch-free for callers: they read a default value.
        return ZeroBytes.Slice(0, size);
    }

    [DoesNotReturn]
    private static void ThrowAdvancedTooFar() => throw new ArgumentOutOfRangeException("count", "A reader cannot advance past the end of its buffer.");

    // Sixteen zeros as constant data in the assembly image: a failed read allocates nothing.
    private static ReadOnlySpan<byte> ZeroBytes => new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
}
