using System;
using System.Buffers;

namespace ProtocolGen.Streaming;

/// <summary>
/// Bytes kept between reads in an array rented from <see cref="ArrayPool{T}.Shared"/>: the one place the
/// streaming readers grow a buffer. It grows by renting a larger array (at least double, so a run of appends
/// copies each byte a bounded number of times) and returns the old one; <see cref="Dispose"/> returns the last.
/// </summary>
/// <remarks>A mutable struct, to cost its owner no object: keep it in a field that is not <c>readonly</c>.</remarks>
internal struct PooledBytes : IDisposable
{
    private const int MinimumRent = 256;

    private byte[] _array;

    public PooledBytes() => _array = Array.Empty<byte>();

    /// <summary>How many bytes are held.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes held.</summary>
    public readonly ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    /// <summary>Adds <paramref name="data"/> after the bytes held.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var needed = Length + data.Length;
        if (needed > _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumRent, (int)Math.Min(2L * _array.Length, Array.MaxLength))));
            Span.CopyTo(larger);
            Return();
            _array = larger;
        }

        data.CopyTo(_array.AsSpan(Length));
        Length = needed;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes held, keeping the rest.</summary>
    public void Consume(int count)
    {
        _array.AsSpan(count, Length - count).CopyTo(_array);
        Length -= count;
    }

    /// <summary>Drops every byte held, keeping the array for the next.</summary>
    public void Clear() => Length = 0;

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        Return();
        _array = Array.Empty<byte>();
        Length = 0;
    }

    private readonly void Return()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
