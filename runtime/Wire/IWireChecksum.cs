using System;

namespace ProtocolGen.Wire;

/// <summary>
/// A checksum computed over bytes appended in pieces: the contract of a user-supplied checksum (PDL's
/// Initialize/AddByte/GetChecksum, with spans) and of the built-in <see cref="InternetChecksum"/> and
/// <see cref="Crc32Checksum"/>. <see cref="Checksums.Compute{TChecksum}(ReadOnlySpan{byte})"/> runs one over a
/// span; a struct keeps the running state on the stack, so computing allocates nothing.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IWireChecksum<TSelf>
    where TSelf : struct, IWireChecksum<TSelf>
{
    /// <summary>The checksum's size on the wire in bytes: 1, 2, 4 or 8.</summary>
    static abstract int Size { get; }

    /// <summary>A checksum over no bytes yet.</summary>
    static abstract TSelf Create();

    /// <summary>Adds <paramref name="data"/> after the bytes appended so far, as if they were one span.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>The checksum of every byte appended so far, in the low <see cref="Size"/> bytes; appending may go on after it.</summary>
    ulong Finish();
}
