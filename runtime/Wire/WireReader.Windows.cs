using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProtocolGen.Wire;

/// <summary>
/// Windows: a member whose length an earlier field gives (<c>[LengthOf]</c>) is read from a reader of exactly its
/// bytes, and must end exactly at the window's end. Generated readers open one, read the member from it, and close it.
/// </summary>
public ref partial struct WireReader
{
    // Cases nest at most this deep (an IPv6 packet in an IPv4 packet is 2); deeper is refused as InvalidValue.
    private const int MaxCaseDepth = 32;

    /// <summary>
    /// Reads a nested structure from exactly the next <paramref name="length"/> bytes (which the caller checked
    /// remain): false, with the failure recorded, when it cannot or does not end exactly there (see
    /// <see cref="CloseWindow"/>; <paramref name="lengthOffset"/> is the length field's offset from this reader's start).
    /// For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadStructInWindow<T>(int length, int lengthOffset, [MaybeNullWhen(false)] out T value)
        where T : IWireStruct<T>
    {
        var window = OpenWindow(length);
        if (!T.TryReadFrom(ref window, out value) || window.HasFailed)
        {
            // A hand-written reader may refuse a value without saying why; the first recorded failure wins anyway.
            window.Fail(ProtocolErrorKind.InvalidValue);
            _ = CloseWindow(ref window, lengthOffset);
            value = default;
            return false;
        }

        if (CloseWindow(ref window, lengthOffset))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads the case of a wire union that <paramref name="tag"/> picks, in place. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCase<TUnion, TCases>(ulong tag, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion> =>
        ReadCaseInPlace<TUnion, TCases>(tag, readDefault: false, out value);

    /// <summary>
    /// Reads, in place, the default case of a wire union when <paramref name="readDefault"/> (a <c>[DefaultCaseWhen]</c>
    /// guard holds), else the case <paramref name="tag"/> picks, as <see cref="TryReadCase{TUnion, TCases}"/>. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCaseOrDefault<TUnion, TCases>(ulong tag, bool readDefault, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion> =>
        ReadCaseInPlace<TUnion, TCases>(tag, readDefault, out value);

    // Both in-place reads, each with its own copy: for TryReadCase readDefault is a constant false, which the JIT folds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReadCaseInPlace<TUnion, TCases>(ulong tag, bool readDefault, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        value = null;
        if (_caseDepth >= MaxCaseDepth)
        {
            Fail(ProtocolErrorKind.InvalidValue);
            return false;
        }

        _caseDepth++;
        var read = readDefault ? TCases.TryReadDefault(ref this, out var item) : TCases.TryRead(tag, ref this, out item);
        _caseDepth--;
        if (read && !HasFailed && item is not null)
        {
            value = item;
            return true;
        }

        Fail(ProtocolErrorKind.InvalidValue);
        return false;
    }

    /// <summary>
    /// Reads the case of a wire union that <paramref name="tag"/> picks from exactly the next <paramref name="length"/>
    /// bytes, as <see cref="TryReadStructInWindow{T}"/> reads a structure. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCaseInWindow<TUnion, TCases>(ulong tag, int length, int lengthOffset, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        var window = OpenWindow(length);
        return TryReadCaseIn<TUnion, TCases>(ref window, tag, lengthOffset, out value);
    }

    /// <summary>
    /// Reads the case <paramref name="tag"/> picks from exactly the next <paramref name="length"/> bytes with
    /// <paramref name="pseudoHeader"/> (<c>[PseudoHeader]</c>) as its checksum seed. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCaseInWindow<TUnion, TCases>(ulong tag, int length, int lengthOffset, ulong pseudoHeader, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        var window = OpenWindow(length);
        window._pseudoHeader = Checksums.FoldSeed(pseudoHeader);
        return TryReadCaseIn<TUnion, TCases>(ref window, tag, lengthOffset, out value);
    }

    /// <summary>
    /// Reads the default case when <paramref name="readDefault"/> (a <c>[DefaultCaseWhen]</c> guard holds), else the
    /// case <paramref name="tag"/> picks, from exactly the next <paramref name="length"/> bytes, as
    /// <see cref="TryReadCaseInWindow{TUnion, TCases}(ulong, int, int, out TUnion)"/>. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCaseOrDefaultInWindow<TUnion, TCases>(ulong tag, bool readDefault, int length, int lengthOffset, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        var window = OpenWindow(length);
        return TryReadCaseOrDefaultIn<TUnion, TCases>(ref window, tag, readDefault, lengthOffset, out value);
    }

    /// <summary>
    /// As <see cref="TryReadCaseOrDefaultInWindow{TUnion, TCases}(ulong, bool, int, int, out TUnion)"/>, with
    /// <paramref name="pseudoHeader"/> (<c>[PseudoHeader]</c>) as the case's checksum seed. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryReadCaseOrDefaultInWindow<TUnion, TCases>(ulong tag, bool readDefault, int length, int lengthOffset, ulong pseudoHeader, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        var window = OpenWindow(length);
        window._pseudoHeader = Checksums.FoldSeed(pseudoHeader);
        return TryReadCaseOrDefaultIn<TUnion, TCases>(ref window, tag, readDefault, lengthOffset, out value);
    }

    // A case read from its window, which it must fill exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadCaseIn<TUnion, TCases>(ref WireReader window, ulong tag, int lengthOffset, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion> =>
        TryReadCaseOrDefaultIn<TUnion, TCases>(ref window, tag, readDefault: false, lengthOffset, out value);

    // A case read from its window, or the default case when a guard holds; for an unguarded switch readDefault is a
    // constant false, which the JIT folds away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadCaseOrDefaultIn<TUnion, TCases>(ref WireReader window, ulong tag, bool readDefault, int lengthOffset, [MaybeNullWhen(false)] out TUnion value)
        where TUnion : class
        where TCases : Internal.IWireCases<TUnion>
    {
        window._caseDepth++;
        if (window._caseDepth > MaxCaseDepth
            || !(readDefault ? TCases.TryReadDefault(ref window, out value) : TCases.TryRead(tag, ref window, out value))
            || window.HasFailed)
        {
            window.Fail(ProtocolErrorKind.InvalidValue);
            _ = CloseWindow(ref window, lengthOffset);
            value = null;
            return false;
        }

        if (CloseWindow(ref window, lengthOffset))
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Reads wire structures until exactly the next <paramref name="length"/> bytes end (which the caller checked
    /// remain); on failure records it (as <see cref="TryReadStructInWindow{T}"/> does) and gives an empty array. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T[] ReadArrayInWindow<T>(int length, int lengthOffset)
        where T : IWireStruct<T>
    {
        var window = OpenWindow(length);
        var items = window.ReadArrayToEnd<T>();
        return CloseWindow(ref window, lengthOffset) ? items : Array.Empty<T>();
    }

    /// <summary>Reads wire structures until exactly the next <paramref name="length"/> bytes end, as <see cref="ReadArrayInWindow{T}"/> does. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ImmutableArray<T> ReadImmutableArrayInWindow<T>(int length, int lengthOffset)
        where T : IWireStruct<T> => ImmutableCollectionsMarshal.AsImmutableArray(ReadArrayInWindow<T>(length, lengthOffset));

    /// <summary>
    /// A reader of the next <paramref name="length"/> unread bytes, with this reader's checksum rule and pseudo-header;
    /// its offsets count from the window's start (<see cref="CloseWindow"/> rebases them).
    /// </summary>
    private readonly WireReader OpenWindow(int length) =>
        new(_buffer.Slice(_position, length)) { _skipChecksums = _skipChecksums, _pseudoHeader = _pseudoHeader, _caseDepth = _caseDepth };

    /// <summary>
    /// Ends <paramref name="window"/>, opened at the current position: true, and the reader past it, when its member
    /// read and ended exactly at its end. Otherwise false, with the failure recorded: the window's own (at its offset
    /// here), or <see cref="ProtocolErrorKind.LengthMismatch"/> at <paramref name="lengthOffset"/> (the length field,
    /// from this reader's start) when the member ended early or needed more bytes than the length gave it. For generated code.
    /// </summary>
    private bool CloseWindow(ref WireReader window, int lengthOffset)
    {
        if (window._fault is not default(ProtocolErrorKind) and not ProtocolErrorKind.SizeMismatch)
        {
            FailAt(window._fault, _position + window._faultOffset);
            return false;
        }

        if (window._fault != default || window.Remaining != 0)
        {
            // Running out of the window, or stopping short of its end: the length and the member disagree.
            FailAt(ProtocolErrorKind.LengthMismatch, lengthOffset);
            return false;
        }

        _position += window._buffer.Length;
        return true;
    }

    // Wire structures until the buffer ends (an array filling a window); a failed element is recorded and gives an empty array.
    private T[] ReadArrayToEnd<T>()
        where T : IWireStruct<T>
    {
        if (Remaining == 0)
        {
            return Array.Empty<T>();
        }

        // No more elements than the bytes can hold at their minimum size: the bytes bound the allocation.
        var most = Remaining / Math.Max(1, T.MinWireSize);
        var items = new T[Math.Min(most, 8)];
        var count = 0;
        while (Remaining > 0)
        {
            var before = _position;
            if (!T.TryReadFrom(ref this, out var item) || HasFailed || _position == before)
            {
                // An element of no bytes would repeat forever: the window's bytes are not elements.
                Fail(ProtocolErrorKind.InvalidValue);
                return Array.Empty<T>();
            }

            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(count + 1, Math.Min(most, items.Length * 2)));
            }

            items[count++] = item;
        }

        if (count != items.Length)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }
}
