using System;

namespace ProtocolGen.Json;

/// <summary>A JSON value that does not describe a valid packet: which field, and what is wrong with it.</summary>
public sealed class WireJsonException : Exception
{
    /// <summary>Reports <paramref name="problem"/> in <paramref name="field"/>.</summary>
    public WireJsonException(string field, string problem)
        : base($"field '{field}': {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The field's path, such as <c>values[3].local_ip</c>; <c>kind</c> for the packet name.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the field name.</summary>
    public string Problem { get; }

    /// <summary>The same problem, one level further out: <paramref name="outer"/> becomes the path's head.</summary>
    internal WireJsonException Within(string outer) => Field.Length == 0
        ? new(outer, Problem)
        : new(Field.StartsWith('[') ? outer + Field : outer + "." + Field, Problem);
}
