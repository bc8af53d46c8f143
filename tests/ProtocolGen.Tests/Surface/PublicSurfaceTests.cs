using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ProtocolGen.Tests.Surface;

/// <summary>
/// The runtime's public surface keeps its promises: users see the API they call, the helpers only generated code
/// calls stay hidden, and every type lives in the folder its namespace names.
/// </summary>
public sealed partial class PublicSurfaceTests
{
    private static readonly Assembly Runtime = typeof(WireCodec).Assembly;

    // The folders each namespace's types live in (runtime/<folder>/); the root namespace spans the layers that
    // every user touches: schema attributes, codec contracts, errors, values, handler attribute.
    private static readonly Dictionary<string, string[]> FoldersByNamespace = new()
    {
        ["ProtocolGen"] = ["Schema", "Contracts", "Errors", "Values", "Handlers"],
        ["ProtocolGen.Wire"] = ["Wire"],
        ["ProtocolGen.Framing"] = ["Framing"],
        ["ProtocolGen.Streaming"] = ["Streaming"],
        ["ProtocolGen.Devices"] = ["Devices"],
        ["ProtocolGen.Json"] = ["Json"],
        ["ProtocolGen.Layout"] = ["Layout"],
        ["ProtocolGen.Views"] = ["Views"],
        ["ProtocolGen.Internal"] = ["Internal"],
    };

    private static readonly string[] RootTypes =
    [
        "BigEndianAttribute", "BitOrder", "BitOrderAttribute", "BitsAttribute", "ChecksumAlgorithm",
        "ChecksumAttribute", "ClosedEnumAttribute", "CountOfAttribute", "CountPrefixAttribute", "DefaultCaseWhenAttribute",
        "ExhaustiveHandlerAttribute", "FixedAttribute", "FixedCountAttribute", "FixedLengthAttribute", "FrameFormat", "FrameHeaderAttribute", "FrameLengthAttribute", "FrameLengthCounting", "FrameTypeAttribute",
        "IPacket", "IPacketUnion`1", "IWireBytesConverter`1", "IWireConverter`2", "IWireStruct`1", "IWireWritable",
        "Ipv4Address", "Ipv6Address", "LengthOfAttribute", "LengthPrefixAttribute", "MagicAttribute",
        "NullTerminatedAttribute", "PacketAttribute", "PadAfterAttribute", "PadBeforeAttribute", "PrefixWidth", "PresentWhenAttribute",
        "ProtocolError", "ProtocolErrorKind", "ProtocolErrorKinds", "ProtocolException", "ProtocolUnionAttribute",
        "PseudoHeaderAttribute", "ReservedAttribute", "RestOfFrameAttribute", "SwitchAttribute", "WireCaseAttribute",
        "WireCaseDefaultAttribute", "WireCodec", "WireConverterAttribute", "WireEncodeException",
        "WireNameAttribute", "WireStructAttribute", "WireUnionAttribute",
    ];

    private static IEnumerable<Type> PublicTopLevelTypes() => Runtime.GetExportedTypes().Where(type => !type.IsNested);

    [Fact]
    public void Every_public_type_in_ProtocolGen_Internal_is_hidden_from_completion()
    {
        var visible = PublicTopLevelTypes()
            .Where(type => type.Namespace == "ProtocolGen.Internal")
            .Where(type => type.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(type => type.FullName)
            .ToArray();

        Assert.Empty(visible);
        Assert.Contains(PublicTopLevelTypes(), type => type.Namespace == "ProtocolGen.Internal");
    }

    [Fact]
    public void The_root_namespace_holds_exactly_the_allowed_public_types()
    {
        var root = PublicTopLevelTypes().Where(type => type.Namespace == "ProtocolGen").Select(type => type.Name).Order(StringComparer.Ordinal);

        Assert.Equal(RootTypes.Order(StringComparer.Ordinal), root);
    }

    [Fact]
    public void Every_public_type_is_in_a_known_namespace_and_declared_in_that_namespace_s_folder()
    {
        var folders = DeclaringFolders();
        var misplaced = new List<string>();
        foreach (var type in PublicTopLevelTypes())
        {
            var name = type.Name.Split('`')[0];
            if (!FoldersByNamespace.TryGetValue(type.Namespace ?? "", out var allowed))
            {
                misplaced.Add($"{type.FullName}: namespace has no folder");
            }
            else if (!folders.TryGetValue(name, out var folder))
            {
                misplaced.Add($"{type.FullName}: no declaration found under runtime/");
            }
            else if (!allowed.Contains(folder))
            {
                misplaced.Add($"{type.FullName}: declared in runtime/{folder}/");
            }
        }

        Assert.Empty(misplaced);
    }

    [Fact]
    public void Every_runtime_source_file_declares_the_namespace_its_folder_maps_to()
    {
        var wrong = new List<string>();
        foreach (var file in RuntimeSources())
        {
            var folder = FolderOf(file);
            foreach (Match match in NamespaceDeclaration().Matches(File.ReadAllText(file)))
            {
                var ns = match.Groups[1].Value;
                if (ns.StartsWith("ProtocolGen.Generator", StringComparison.Ordinal))
                {
                    continue; // a file the generator links in under its own namespace (#if PROTOCOLGEN_GENERATOR)
                }

                if (!FoldersByNamespace.TryGetValue(ns, out var allowed) || !allowed.Contains(folder))
                {
                    wrong.Add($"{Path.GetFileName(file)} in {folder}/ declares {ns}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    private static Dictionary<string, string> DeclaringFolders()
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RuntimeSources())
        {
            foreach (Match match in PublicTypeDeclaration().Matches(File.ReadAllText(file)))
            {
                folders.TryAdd(match.Groups[1].Value, FolderOf(file));
            }
        }

        return folders;
    }

    private static IEnumerable<string> RuntimeSources()
    {
        var runtime = Path.Combine(RepositoryRoot(), "runtime");
        return Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(file => Path.GetDirectoryName(file) != runtime);
    }

    private static string FolderOf(string file) => Path.GetFileName(Path.GetDirectoryName(file)!);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProtocolGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ProtocolGen.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^public\s+(?:(?:static|sealed|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicTypeDeclaration();
}
