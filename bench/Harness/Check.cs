using System;
using System.Collections.Generic;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>The comparisons verification makes; each names the variant and the first element that differs.</summary>
public static class Check
{
    /// <summary>Equal values (records compare by value, including their bytes and arrays).</summary>
    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new VerificationException($"{what}: expected {expected}, got {actual}");
        }
    }

    /// <summary>Equal sequences, element by element (null for a frame skipped as an error).</summary>
    public static void SameSequence<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
    {
        if (expected.Length != actual.Length)
        {
            throw new VerificationException($"{what}: {actual.Length} items where {expected.Length} were expected");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
            {
                throw new VerificationException($"{what}: item {i} is {Show(actual[i])}, expected {Show(expected[i])}");
            }
        }
    }

    /// <summary>Byte-for-byte equal encodings.</summary>
    public static void SameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            var at = expected.CommonPrefixLength(actual);
            throw new VerificationException($"{what}: bytes differ at offset {at} (lengths {expected.Length} and {actual.Length})");
        }
    }

    /// <summary>A condition the data itself must meet for the row to measure what it says.</summary>
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new VerificationException(what);
        }
    }

    private static string Show<T>(T value) => value is null ? "null (an error)" : value.ToString() ?? string.Empty;
}
