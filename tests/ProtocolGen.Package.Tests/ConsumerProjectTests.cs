using ProtocolGen.Tests.Shared;
using System.IO;
using Xunit;

namespace ProtocolGen.Package.Tests;

/// <summary>
/// "Add the package, annotate records, it works": a new project in a temporary folder, with only the local
/// feed as a package source, declares its own protocol, builds with <c>dotnet build</c> and runs.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerProjectTests
{
    private readonly PackedPackages _packages;

    public ConsumerProjectTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void AConsumerOfThePackedPackages_BuildsItsOwnProtocol_AndRoundTripsIt()
    {
        var project = CreateConsumer("Consumer");

        var build = DotnetCli.RunOrFail(project, "build", "Consumer.csproj", "-c", "Release", "--disable-build-servers", $"-p:ProtocolGenVersion=[{PackedPackages.Version}]");
        var (exitCode, output) = DotnetCli.Run(project, Path.Combine(project, "bin", "Release", "net10.0", "Consumer.dll"));

        Assert.True(exitCode == 0, $"The consumer failed ({exitCode}):\n{output}\nBuild:\n{build}");
        Assert.Contains("round trip ok: 3 packets", output);

        // Restore took exactly this run's packages, nothing older from a cache.
        var assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        Assert.Contains($"\"ProtocolGen/{PackedPackages.Version}\"", assets);
        Assert.Contains($"\"ProtocolGen.Portmaster/{PackedPackages.Version}\"", assets);

        // The generator came from the package: its output sits in the consumer's own compilation.
        Assert.True(File.Exists(Path.Combine(project, "obj", "Release", "net10.0", "generated", "ProtocolGen.Generator", "ProtocolGen.Generator.ProtocolGenerator", "Weather.Reading.g.cs")), build);
        Assert.Contains(CompilerAnalyzers(project), a => Path.GetFileName(a) == "ProtocolGen.Generator.dll");
    }

    [Fact]
    public void AConsumerOfThePortmasterPackageAlone_RunsItsCodecs_WithoutTheGeneratorInItsCompilation()
    {
        var project = CreateConsumer("PortmasterConsumer");

        var build = DotnetCli.RunOrFail(project, "build", "PortmasterConsumer.csproj", "-c", "Release", "--disable-build-servers", $"-p:ProtocolGenVersion=[{PackedPackages.Version}]");
        var (exitCode, output) = DotnetCli.Run(project, Path.Combine(project, "bin", "Release", "net10.0", "PortmasterConsumer.dll"));

        Assert.True(exitCode == 0, $"The consumer failed ({exitCode}):\n{output}\nBuild:\n{build}");
        Assert.Contains("portmaster ok", output);
        var assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        Assert.Contains($"\"ProtocolGen.Runtime/{PackedPackages.Version}\"", assets);
        Assert.DoesNotContain($"\"ProtocolGen/{PackedPackages.Version}\"", assets);

        // The compiler was handed analyzers (the SDK's own), but not the ProtocolGen generator.
        var analyzers = CompilerAnalyzers(project);
        Assert.NotEmpty(analyzers);
        Assert.DoesNotContain(analyzers, a => a.Contains("ProtocolGen", System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The analyzer paths the consumer's Analyzers.targets wrote just before the compiler ran.</summary>
    private static string[] CompilerAnalyzers(string project) =>
        File.ReadAllLines(Path.Combine(project, "obj", "Release", "net10.0", "analyzers.txt"));

    private string CreateConsumer(string folder)
    {
        var project = Path.Combine(_packages.Root, folder);
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, folder)))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)), overwrite: true);
        }

        // Stop MSBuild's upward search: nothing of the repository or of the temporary folder's parents applies.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(project, name), "<Project />\n");
        }

        // Only the local feed, and a packages folder of its own so no earlier copy of these versions is reused.
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_packages.Root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{_packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        return project;
    }
}
