using System;
using ProtocolGen.Wire;

namespace ProtocolGen.Views;

/// <summary>
/// A checked array of hand-written wire structures (such as <see cref="Ipv4Address"/>) read in place from a
/// frame: each element is read when the enumeration reaches it, and nothing is allocated for the array.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly ref struct StructArrayView<T>
    where T : IWireStruct<T>
{
    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>A view of <paramref name="count"/> elements that start <paramref name="bytes"/>, already checked.</summary>
    public StructArrayView(ReadOnlySpan<byte> bytes, int count)
    {
        _bytes = bytes;
        Count = count;
    }

    /// <summary>How many elements there are.</summary>
    public int Count { get; }

    /// <summary>How many bytes the elements take.</summary>
    public int Length
    {
        get
        {
            var reader = new WireReader(_bytes);
            for (var i = 0; i < Count; i++)
            {
                T.TryReadFrom(ref reader, out _);
            }

            return reader.Position;
        }
    }

    /// <summary>Enumerates the elements in wire order.</summary>
    public Enumerator GetEnumerator() => new(_bytes, Count);

    /// <summary>Walks a <see cref="StructArrayView{T}"/>, reading one element at a time.</summary>
    public ref struct Enumerator
    {
        private WireReader _reader;
        private int _left;

        internal Enumerator(ReadOnlySpan<byte> bytes, int count)
        {
            _reader = new WireReader(bytes);
            _left = count;
            Current = default!;
        }

        /// <summary>The current element.</summary>
        public T Current { get; private set; }

        /// <summary>Reads the next element; false after the last.</summary>
        public bool MoveNext()
        {
            if (_left == 0)
            {
                return false;
            }

            _left--;
            T.TryReadFrom(ref _reader, out var item);
            Current = item!;
            return true;
        }
    }
}
