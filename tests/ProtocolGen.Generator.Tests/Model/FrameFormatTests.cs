using System;
using System.Linq;
using Xunit;
using GeneratorFrameFormat = ProtocolGen.Generator.Model.FrameFormat;
using RuntimeFrameFormat = ProtocolGen.FrameFormat;

namespace ProtocolGen.Generator.Tests.Model;

/// <summary>The generator's FrameFormat mirrors the runtime's (it reads the attribute's number), so the two must agree name for name and value for value.</summary>
public sealed class FrameFormatTests
{
    [Fact]
    public void TheGeneratorsFrameFormat_HasTheRuntimesNamesAndValues()
    {
        var runtime = Members<RuntimeFrameFormat>();
        var generator = Members<GeneratorFrameFormat>();

        Assert.NotEmpty(runtime);
        Assert.Equal(runtime, generator);
    }

    private static (string Name, long Value)[] Members<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(value => (value.ToString(), Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Item2).ToArray();
}
