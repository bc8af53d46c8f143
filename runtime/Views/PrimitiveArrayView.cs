using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ProtocolGen.Wire;

namespace ProtocolGen.Views;

/// <summary>
/// A checked array of integers, booleans or enums read in place from a frame: its elements are read when
/// asked for, nothing is copied or allocated.
/// </summary>
/// <typeparam name="T">The element type, 1, 2, 4 or 8 bytes on the wire.</typeparam>
public readonly ref struct PrimitiveArrayView<T>
    where T : unmanaged
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly bool _bigEndian;

    /// <summary>A view over <paramref name="bytes"/>, which hold exactly the elements, already checked.</summary>
    public PrimitiveArrayView(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        if (bytes.Length % Unsafe.SizeOf<T>() != 0)
        {
            throw new ArgumentException($"{bytes.Length} bytes do not hold whole {typeof(T).Name} elements.", nameof(bytes));
        }

        _bytes = bytes;
        _bigEndian = bigEndian;
    }

    /// <summary>How many elements there are.</summary>
    public int Count => _bytes.Length / Unsafe.SizeOf<T>();

    /// <summary>The elements' bytes as they are on the wire.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return Read(_bytes.Slice(index * Unsafe.SizeOf<T>(), Unsafe.SizeOf<T>()), _bigEndian);
        }
    }

    /// <summary>Copies the elements into a new array.</summary>
    public T[] ToArray()
    {
        var items = new T[Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = this[i];
        }

        return items;
    }

    /// <summary>Enumerates the elements in wire order.</summary>
    public Enumerator GetEnumerator() => new(this);

    private static T Read(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var value = MemoryMarshal.Read<T>(bytes);
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            WireByteOrder.Reverse(new Span<T>(ref value));
        }

        return value;
    }

    /// <summary>Walks a <see cref="PrimitiveArrayView{T}"/>.</summary>
    public ref struct Enumerator
    {
        private readonly PrimitiveArrayView<T> _array;
        private int _index;

        internal Enumerator(PrimitiveArrayView<T> array)
        {
            _array = array;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _array[_index];

        /// <summary>Moves to the next element; false after the last.</summary>
        public bool MoveNext() => ++_index < _array.Count;
    }
}
