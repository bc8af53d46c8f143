using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace ProtocolGen.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackedPackages _packages;

    public PackageContentTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void ProtocolGen_CarriesTheGeneratorAsAnAnalyzer_AndNoLibraryOfItsOwn()
    {
        var entries = Entries("ProtocolGen");

        Assert.Contains("analyzers/dotnet/cs/ProtocolGen.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ProtocolGen.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/") && e.EndsWith(".dll"));
    }

    [Fact]
    public void ProtocolGen_DependsOnTheRuntimePackage_ForEveryFramework()
    {
        var dependencies = Dependencies(Metadata("ProtocolGen"));

        Assert.Equal(["net10.0", "net8.0"], dependencies.Select(d => d.Framework).Order().ToArray());
        Assert.All(dependencies, d =>
        {
            Assert.Equal("ProtocolGen.Runtime", d.Id);
            Assert.Equal(PackedPackages.Version, d.Version);
        });
    }

    [Fact]
    public void Runtime_ShipsTheRuntimeForBothFrameworks_AndNoGenerator()
    {
        var entries = Entries("ProtocolGen.Runtime");

        Assert.Contains("lib/net8.0/ProtocolGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/ProtocolGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/ProtocolGen.Runtime.xml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/") || e.Contains("Generator"));
    }

    [Theory]
    [InlineData("ProtocolGen")]
    [InlineData("ProtocolGen.Runtime")]
    [InlineData("ProtocolGen.Portmaster")]
    [InlineData("ProtocolGen.Portmaster.Emulator")]
    public void EveryPackage_HasLicenseRepositoryAndReadmeMetadata_AndNoDependencyOnTheGenerator(string id)
    {
        var metadata = Metadata(id);

        Assert.Equal("MIT", Element(metadata, "license").Value);
        Assert.Equal("expression", Element(metadata, "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Element(metadata, "readme").Value);
        var repository = Element(metadata, "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);
        Assert.DoesNotContain(Dependencies(metadata), d => d.Id.Contains("Generator"));
    }

    [Theory]
    [InlineData("ProtocolGen")]
    [InlineData("ProtocolGen.Runtime")]
    [InlineData("ProtocolGen.Portmaster")]
    [InlineData("ProtocolGen.Portmaster.Emulator")]
    public void ThePackedReadme_LinksOnlyToAbsoluteAddressesAndItsOwnAnchors(string id)
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath(id));
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();

        // On a package page there is no repository for a relative link to resolve against.
        var links = Regex.Matches(text, @"\]\((?<target>[^)\s]+)\)").Select(m => m.Groups["target"].Value).ToList();
        Assert.Contains(links, l => l.EndsWith("/blob/main/docs/diagnostics.md", System.StringComparison.Ordinal));
        Assert.All(links, l => Assert.True(l.StartsWith("https://", System.StringComparison.Ordinal) || l.StartsWith('#'), l));
    }

    [Fact]
    public void Portmaster_ShipsItsPrecompiledCodecs_AndDependsOnTheRuntimePackageAlone()
    {
        var entries = Entries("ProtocolGen.Portmaster");
        Assert.Contains("lib/net8.0/ProtocolGen.Portmaster.dll", entries);
        Assert.Contains("lib/net10.0/ProtocolGen.Portmaster.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/"));

        // Consumers of the Portmaster codecs get the runtime, never the generator running on their code.
        var dependencies = Dependencies(Metadata("ProtocolGen.Portmaster"));
        Assert.Equal(["net10.0", "net8.0"], dependencies.Select(d => d.Framework).Order().ToArray());
        Assert.All(dependencies, d =>
        {
            Assert.Equal("ProtocolGen.Runtime", d.Id);
            Assert.Equal(PackedPackages.Version, d.Version);
        });
    }

    [Fact]
    public void TheEmulator_IsItsOwnPackage_DependingOnPortmaster_WhichNoLongerShipsIt()
    {
        var entries = Entries("ProtocolGen.Portmaster.Emulator");
        Assert.Contains("lib/net8.0/ProtocolGen.Portmaster.Emulator.dll", entries);
        Assert.Contains("lib/net10.0/ProtocolGen.Portmaster.Emulator.dll", entries);

        var dependencies = Dependencies(Metadata("ProtocolGen.Portmaster.Emulator"));
        Assert.Equal(["net10.0", "net8.0"], dependencies.Select(d => d.Framework).Order().ToArray());
        Assert.All(dependencies, d =>
        {
            Assert.Equal("ProtocolGen.Portmaster", d.Id);
            Assert.Equal(PackedPackages.Version, d.Version);
        });

        // The protocol's package holds the protocol: no emulator type is defined in its assembly.
        using var archive = ZipFile.OpenRead(_packages.PackagePath("ProtocolGen.Portmaster"));
        using var entry = archive.GetEntry("lib/net10.0/ProtocolGen.Portmaster.dll")!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var metadata = pe.GetMetadataReader();
        var namespaces = metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Namespace)).ToHashSet();
        Assert.Contains("ProtocolGen.Portmaster", namespaces);
        Assert.DoesNotContain("ProtocolGen.Portmaster.Emulator", namespaces);
    }

    [Theory]
    [InlineData("ProtocolGen.Runtime", "lib/net8.0/ProtocolGen.Runtime.pdb")]
    [InlineData("ProtocolGen.Runtime", "lib/net10.0/ProtocolGen.Runtime.pdb")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.Generator.pdb")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.CodeFixes.pdb")]
    [InlineData("ProtocolGen.Portmaster", "lib/net10.0/ProtocolGen.Portmaster.pdb")]
    public void EachPackage_HasASymbolPackage_WithEveryAssemblysPdb(string id, string pdb)
    {
        using var archive = ZipFile.OpenRead(_packages.SymbolPackagePath(id));

        Assert.Contains(pdb, archive.Entries.Select(e => e.FullName));
    }

    [Theory]
    [InlineData("ProtocolGen.Runtime", "lib/net8.0/ProtocolGen.Runtime.dll")]
    [InlineData("ProtocolGen.Runtime", "lib/net10.0/ProtocolGen.Runtime.dll")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.Generator.dll")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.CodeFixes.dll")]
    [InlineData("ProtocolGen.Portmaster", "lib/net10.0/ProtocolGen.Portmaster.dll")]
    public void EveryAssembly_IsBuiltDeterministically(string id, string path)
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath(id));
        using var entry = archive.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);

        // The compiler marks an assembly whose bytes depend only on its inputs with a Reproducible entry.
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.Reproducible);
    }

    [Theory]
    [InlineData("ProtocolGen.Runtime", "lib/net8.0/ProtocolGen.Runtime.pdb")]
    [InlineData("ProtocolGen.Runtime", "lib/net10.0/ProtocolGen.Runtime.pdb")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.Generator.pdb")]
    [InlineData("ProtocolGen", "analyzers/dotnet/cs/ProtocolGen.CodeFixes.pdb")]
    [InlineData("ProtocolGen.Portmaster", "lib/net10.0/ProtocolGen.Portmaster.pdb")]
    public void EverySourcePathInTheSymbols_IsMapped_SoNoBuildMachinePathLeaks(string id, string pdb)
    {
        using var archive = ZipFile.OpenRead(_packages.SymbolPackagePath(id));
        using var entry = archive.GetEntry(pdb)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        copy.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        var reader = provider.GetMetadataReader();

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();

        // A CI build maps the repository root to /_/ (and an artifacts folder outside it to /_1/), so the same
        // sources give the same bytes on any machine and no build machine path leaks.
        Assert.NotEmpty(documents);
        var unmapped = documents.Where(path => !Regex.IsMatch(path, @"^/_\d*/")).ToList();
        Assert.True(unmapped.Count == 0, "Unmapped source paths:\n" + string.Join("\n", unmapped));
    }

    private string[] Entries(string id)
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath(id));
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private XElement Metadata(string id)
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath(id));
        using var nuspec = archive.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().Single(e => e.Name.LocalName == name);

    private static (string Framework, string Id, string Version)[] Dependencies(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (e.Parent!.Attribute("targetFramework")?.Value ?? string.Empty, e.Attribute("id")!.Value, e.Attribute("version")!.Value))
            .ToArray();
}
