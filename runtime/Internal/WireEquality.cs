using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Value equality for the sequence-typed fields of generated records, so two packets with the same bytes
/// compare equal (the compiler's record equality compares arrays by reference).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireEquality
{
    /// <summary>Whether two byte sequences hold the same bytes.</summary>
    public static bool Equal(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right) => left.Span.SequenceEqual(right.Span);

    /// <summary>Whether two byte arrays hold the same bytes; null equals empty.</summary>
    public static bool Equal(byte[]? left, byte[]? right) => left.AsSpan().SequenceEqual(right);

    /// <summary>Whether two arrays hold equal elements in the same order; default equals empty.</summary>
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        (left.IsDefault ? ReadOnlySpan<T>.Empty : left.AsSpan()).SequenceEqual(right.IsDefault ? ReadOnlySpan<T>.Empty : right.AsSpan(), EqualityComparer<T>.Default);

    /// <summary>Whether two arrays hold equal elements in the same order; null equals empty.</summary>
    public static bool Equal<T>(T[]? left, T[]? right) =>
        ((ReadOnlySpan<T>)left).SequenceEqual((ReadOnlySpan<T>)right, EqualityComparer<T>.Default);

    /// <summary>A hash of the bytes' length and first bytes: cheap, and consistent with <see cref="Equal(ReadOnlyMemory{byte}, ReadOnlyMemory{byte})"/>.</summary>
    public static int Hash(ReadOnlyMemory<byte> value) => Hash(value.Span);

    /// <summary>A hash of the bytes' length and first bytes; null hashes as empty.</summary>
    public static int Hash(byte[]? value) => Hash((ReadOnlySpan<byte>)value);

    /// <summary>A hash of the array's length and first elements; default hashes as empty.</summary>
    public static int Hash<T>(ImmutableArray<T> value) => Hash(value.IsDefault ? ReadOnlySpan<T>.Empty : value.AsSpan());

    /// <summary>A hash of the array's length and first elements; null hashes as empty.</summary>
    public static int Hash<T>(T[]? value) => Hash((ReadOnlySpan<T>)value);

    private static int Hash<T>(ReadOnlySpan<T> value)
    {
        var hash = new HashCode();
        hash.Add(value.Length);
        foreach (var item in value.Slice(0, Math.Min(value.Length, 8)))
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
