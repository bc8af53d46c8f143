using System;
using System.IO;
using System.Linq;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Readme.Tests;

/// <summary>
/// The tutorial built as the user builds it: a real net8.0 console project (C# 12, the SDK's reference pack for
/// .NET 8, not this test's own .NET), its files the tutorial's samples, with <c>dotnet build</c>. The project
/// references the repository's runtime and generator (the generator as an analyzer, which is what the
/// ProtocolGen package gives a consumer); the in-memory compile in <see cref="ReadmeTests"/> uses the running
/// .NET's assemblies, which can hide an API that .NET 8 lacks.
/// </summary>
public sealed class TutorialProjectTests
{
    [Fact]
    public void TheTutorial_BuildsAsANet8ConsoleProject_InCSharp12_WithWarningsAsErrors()
    {
        var readme = RepositoryRoot.ReadFile("README.md");
        var start = readme.IndexOf("## Five-minute tutorial", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var files = MarkdownCodeBlock.Parse(readme[start..end]).Where(b => b.Language == "csharp").ToList();
        Assert.True(files.Count >= 2, $"the tutorial has {files.Count} C# files");

        var root = Directory.CreateTempSubdirectory("protocolgen-tutorial-").FullName;
        try
        {
            var project = Path.Combine(root, "Greenhouse");
            Directory.CreateDirectory(project);
            foreach (var file in files)
            {
                File.WriteAllText(Path.Combine(project, $"Tutorial{file.Line}.cs"), file.Code);
            }

            File.WriteAllText(Path.Combine(project, "Greenhouse.csproj"), ProjectFile(RepositoryRoot.Path));

            // The repository's projects build into the temporary folder too, never into their own bin/ and obj/.
            var (exitCode, output) = DotnetCli.Run(project, "build", "Greenhouse.csproj", "--disable-build-servers", "--artifacts-path", Path.Combine(root, "artifacts"));

            Assert.True(exitCode == 0, output);
            // The runtime was built for net8.0 to be referenced, so the tutorial compiled against .NET 8's reference pack.
            Assert.Contains("debug_net8.0", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(root, "artifacts", "bin", "Greenhouse", "debug", "Greenhouse.dll")), output);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A build server may still hold a file; the temporary folder is the system's to clean then.
            }
        }
    }

    /// <summary>What <c>dotnet new console</c> writes for .NET 8, with C# 12 pinned and the package's two parts referenced.</summary>
    private static string ProjectFile(string repository) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net8.0</TargetFramework>
            <LangVersion>12</LangVersion>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{repository}/runtime/ProtocolGen.Runtime.csproj" />
            <ProjectReference Include="{repository}/generator/ProtocolGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;
}
