using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>Reads and writes one wire structure (a packet body, with no frame header).</summary>
public static class WireCodec
{
    /// <summary>
    /// Reads a <typeparamref name="T"/> from the start of <paramref name="source"/>; bytes after its fields are
    /// ignored. Returns false, with the error, when the bytes do not hold one.
    /// </summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> source, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out ProtocolError? error)
        where T : IWireStruct<T>
    {
        var reader = new WireReader(source);
        if (T.TryReadFrom(ref reader, out value) && !reader.HasFailed)
        {
            error = null;
            return true;
        }

        value = default;
        error = new ProtocolError(reader.Fault ?? ProtocolErrorKind.SizeMismatch, 0, null, null, (uint)source.Length, reader.FaultOffset);
        return false;
    }

    /// <summary>Reads a <typeparamref name="T"/> from the start of <paramref name="source"/>, or throws <see cref="ProtocolException"/>.</summary>
    public static T Read<T>(ReadOnlySpan<byte> source)
        where T : IWireStruct<T> =>
        TryRead<T>(source, out var value, out var error) ? value : throw new ProtocolException(error);

    /// <summary>
    /// Writes <paramref name="value"/> at the start of <paramref name="destination"/> and returns the bytes written.
    /// A value the wire cannot carry throws <see cref="WireEncodeException"/> before any byte is written.
    /// </summary>
    public static int Write<T>(T value, Span<byte> destination)
        where T : IWireWritable
    {
        ArgumentNullException.ThrowIfNull(value);
        return WriteSized(value, value.WireSize, destination);
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="destination"/>.</summary>
    public static void Write<T>(T value, IBufferWriter<byte> destination)
        where T : IWireWritable
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(destination);
        var size = value.WireSize;
        destination.Advance(WriteSized(value, size, destination.GetSpan(size)));
    }

    /// <summary>Writes <paramref name="value"/> into a new array of exactly its size.</summary>
    public static byte[] ToArray<T>(T value)
        where T : IWireWritable
    {
        ArgumentNullException.ThrowIfNull(value);
        var size = value.WireSize;
        var bytes = new byte[size];
        WriteSized(value, size, bytes);
        return bytes;
    }

    // WireSize, which checks every field, is computed once by each entry point and trusted here.
    private static int WriteSized<T>(T value, int size, Span<byte> destination)
        where T : IWireWritable
    {
        var writer = WriterFor(destination, size);
        value.WriteAfterSize(ref writer);
        return writer.Position;
    }

    /// <summary>
    /// A writer over the first <paramref name="size"/> bytes of <paramref name="destination"/> (a value's checked
    /// <c>WireSize</c>), or an <see cref="ArgumentException"/> when it holds fewer. For generated <c>WriteTo(Span)</c>,
    /// which calls its own <c>WireSize</c> and <c>WriteAfterSize</c> directly, so the JIT can inline both.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WireWriter WriterFor(Span<byte> destination, int size)
    {
        if (destination.Length < size)
        {
            ThrowDestinationTooShort(size, destination.Length);
        }

        return new WireWriter(destination.Slice(0, size));
    }

    [DoesNotReturn]
    internal static void ThrowDestinationTooShort(int needed, int available) =>
        throw new ArgumentException($"The destination holds {available} bytes; {needed} are needed.", "destination");
}
