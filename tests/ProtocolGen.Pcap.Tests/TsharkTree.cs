using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// A dissection in tshark's JSON shape (<c>-T json --no-duplicate-keys</c>): keys holding text or subtrees, where a key
/// given twice becomes an array. Both tshark's output and what the mapping builds from a decoded frame are compared as
/// their leaves: a path of keys (<c>tcp/tcp.options_tree/tcp.options.nop_tree[1]/tcp.option_kind</c>) and its text
/// (an array of texts as <c>[a, b]</c>).
/// </summary>
internal sealed class TsharkTree
{
    private readonly List<(string Key, object Value)> _entries = [];

    public TsharkTree Add(string key, string value)
    {
        _entries.Add((key, value));
        return this;
    }

    public TsharkTree Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public TsharkTree Add(string key, bool value) => Add(key, value ? "1" : "0");

    /// <summary>Adds a subtree under <paramref name="key"/> and returns it.</summary>
    public TsharkTree Tree(string key)
    {
        var child = new TsharkTree();
        _entries.Add((key, child));
        return child;
    }

    /// <summary>The leaves under this tree, by path.</summary>
    public Dictionary<string, string> Leaves()
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        AddLeaves(leaves, string.Empty);
        return leaves;
    }

    /// <summary>The leaves of one of tshark's JSON objects, by path, named as <see cref="Leaves()"/> names them.</summary>
    public static Dictionary<string, string> Leaves(JsonElement tree)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        AddLeaves(leaves, string.Empty, tree);
        return leaves;
    }

    /// <summary>"[a, b]": how a leaf holding several texts is compared.</summary>
    public static string Several(IEnumerable<string> values) => $"[{string.Join(", ", values)}]";

    /// <summary>Bytes as tshark spells them: two hex digits per byte, colon-separated.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => string.Join(":", bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private void AddLeaves(Dictionary<string, string> leaves, string prefix)
    {
        foreach (var group in _entries.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            var values = group.Select(e => e.Value).ToList();
            var path = prefix + group.Key;
            if (values.All(v => v is string))
            {
                leaves.Add(path, values.Count == 1 ? (string)values[0] : Several(values.Cast<string>()));
            }
            else if (values.Count == 1)
            {
                ((TsharkTree)values[0]).AddLeaves(leaves, path + "/");
            }
            else
            {
                for (var i = 0; i < values.Count; i++)
                {
                    ((TsharkTree)values[i]).AddLeaves(leaves, $"{path}[{i}]/");
                }
            }
        }
    }

    private static void AddLeaves(Dictionary<string, string> leaves, string prefix, JsonElement tree)
    {
        foreach (var property in tree.EnumerateObject())
        {
            var path = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    leaves.Add(path, value.GetString()!);
                    break;
                case JsonValueKind.Object:
                    AddLeaves(leaves, path + "/", value);
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    leaves.Add(path, Several(value.EnumerateArray().Select(e => e.GetString()!)));
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var element in value.EnumerateArray())
                    {
                        AddLeaves(leaves, $"{path}[{i++}]/", element);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"tshark wrote {value.ValueKind} at {path}; its JSON holds only text, objects and arrays.");
            }
        }
    }
}
