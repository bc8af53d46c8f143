using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using ProtocolGen.Tests.Shared;

namespace ProtocolGen.Package.Tests;

/// <summary>
/// Packs ProtocolGen, ProtocolGen.Runtime, ProtocolGen.Portmaster and ProtocolGen.Portmaster.Emulator once per test run, from the repository's sources into a
/// temporary local feed, as a CI build (<c>ContinuousIntegrationBuild</c>: deterministic, source paths
/// mapped). The build goes to a temporary artifacts folder, so it never touches the repository's own bin/
/// and obj/ while other test assemblies run. The version is new on every run, so no earlier package of
/// the same version, in any packages folder (NUGET_PACKAGES may point anywhere), can stand in for it.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>This run's version: a prerelease of 0.1.0 that no other run has used.</summary>
    public static string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"0.1.0-t{DateTime.UtcNow.Ticks}");

    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("protocolgen-package-").FullName;
        Feed = Path.Combine(Root, "feed");
        var artifacts = Path.Combine(Root, "artifacts");
        var repository = RepositoryRoot.Path;

        foreach (var project in new[] { "packaging/ProtocolGen/ProtocolGen.csproj", "runtime/ProtocolGen.Runtime.csproj", "schema/ProtocolGen.Portmaster.csproj", "emulator/ProtocolGen.Portmaster.Emulator.csproj" })
        {
            DotnetCli.RunOrFail(repository, "pack", project, "-c", "Release", "--disable-build-servers", "-o", Feed, "--artifacts-path", artifacts, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true");
        }

        // The runtime's third-party dependency on every framework (CRC-32), copied from the packages folder the
        // pack restored it into, so a consumer still restores from this feed alone.
        CopyDependency(repository, "System.IO.Hashing");
    }

    /// <summary>The temporary folder that holds the feed, the build and the consumer.</summary>
    public string Root { get; }

    /// <summary>The local folder feed holding the .nupkg and .snupkg files.</summary>
    public string Feed { get; }

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    private void CopyDependency(string repository, string id)
    {
        var props = File.ReadAllText(Path.Combine(repository, "Directory.Packages.props"));
        var version = Regex.Match(props, $@"<PackageVersion Include=""{Regex.Escape(id)}"" Version=""([^""]+)""").Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var name = $"{id}.{version}.nupkg".ToLowerInvariant();
        File.Copy(Path.Combine(packages, id.ToLowerInvariant(), version, name), Path.Combine(Feed, name));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A build server may still hold a file; the temporary folder is the system's to clean then.
        }
    }
}
