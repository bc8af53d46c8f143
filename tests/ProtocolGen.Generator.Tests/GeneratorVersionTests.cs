using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>Generated code names the generator's version, which comes from Directory.Build.props and nowhere else.</summary>
public sealed class GeneratorVersionTests
{
    [Fact]
    public void GeneratedCode_CarriesTheVersionThatDirectoryBuildPropsNames()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;
        const string schema = "using ProtocolGen;\n\n[ProtocolUnion(FrameFormat.TypeOnly)]\npublic abstract partial record U;\n\n[Packet(1)]\npublic sealed partial record P(int A) : U;\n";

        var (driver, _, _) = GeneratorRunner.Run(GeneratorRunner.Compile(schema));
        var stated = driver.GetRunResult().Results.Single().GeneratedSources
            .SelectMany(source => Regex.Matches(source.SourceText.ToString(), "GeneratedCode\\(\"ProtocolGen\", \"([^\"]*)\"\\)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.Equal([version], stated);
    }
}
