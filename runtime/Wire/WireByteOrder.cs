using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProtocolGen.Wire;

/// <summary>Swaps the byte order of a run of integers or enums in place, by element size.</summary>
internal static class WireByteOrder
{
    public static void Reverse<T>(Span<T> items)
        where T : unmanaged
    {
        switch (Unsafe.SizeOf<T>())
        {
            case sizeof(ushort):
                var shorts = MemoryMarshal.Cast<T, ushort>(items);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case sizeof(uint):
                var ints = MemoryMarshal.Cast<T, uint>(items);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case sizeof(ulong):
                var longs = MemoryMarshal.Cast<T, ulong>(items);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
