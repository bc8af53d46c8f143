using System;
using ProtocolGen.Generator.Emitting;
using Xunit;

namespace ProtocolGen.Generator.Tests.Emitting;

public sealed class SourceWriterTests
{
    [Fact]
    public void ALineInsideBlocks_IsIndentedFourSpacesPerBlock()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Open("void M()");
        writer.Line("return;");
        writer.Close();
        writer.Close(";");

        Assert.Equal("class C\n{\n    void M()\n    {\n        return;\n    }\n};\n", writer.ToString());
    }

    [Fact]
    public void TwoBlankLinesInARow_AreWrittenAsOne()
    {
        var writer = new SourceWriter();
        writer.Line("a();");
        writer.Line();
        writer.Line();
        writer.Line("b();\n\n\nc();");

        Assert.Equal("a();\n\nb();\n\nc();\n", writer.ToString());
    }

    [Fact]
    public void AMultiLineWrite_IsIndentedLineByLineAtTheCurrentLevel()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Line("int[] s_values = Create(\n    1,\n    2);");
        writer.Close();

        Assert.Equal("class C\n{\n    int[] s_values = Create(\n        1,\n        2);\n}\n", writer.ToString());
    }

    [Fact]
    public void EmptyLinesOfAMultiLineWrite_StayEmpty_AndCarriageReturnsAreDropped()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Line("int a;\r\n\r\nint b;");
        writer.Line();
        writer.Close();

        Assert.Equal("class C\n{\n    int a;\n\n    int b;\n\n}\n", writer.ToString());
    }

    [Fact]
    public void TakingTheText_WithABlockStillOpen_Throws()
    {
        var writer = new SourceWriter();
        writer.Open("class C");

        var error = Assert.Throws<InvalidOperationException>(() => writer.ToString());
        Assert.Contains("1 block(s) still open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosingABlockThatWasNeverOpened_Throws()
    {
        var writer = new SourceWriter();
        writer.Line("int a;");

        Assert.Throws<InvalidOperationException>(() => writer.Close());
    }
}
