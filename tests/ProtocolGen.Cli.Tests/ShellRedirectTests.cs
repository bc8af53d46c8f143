using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// The built protocolgen run by /bin/sh as a user runs it: both descriptors on one file (one open file
/// description, as '&gt; f 2&gt;&amp;1' makes), and closed pipes. Output and summary must reach the file whole and in order.
/// </summary>
public sealed class ShellRedirectTests
{
    private static readonly string Protocolgen = Path.Combine(AppContext.BaseDirectory, "protocolgen");

    [Theory]
    [InlineData("")]
    [InlineData("--json")]
    public void Decode_WithStandardOutputAndErrorOnOneFile_KeepsEveryByte_OutputThenSummary(string json)
    {
        var expected = json.Length > 0 ? CliRun.Of("decode", TestData.RustInfoPath, json) : CliRun.Of("decode", TestData.RustInfoPath);
        Assert.Equal(0, expected.ExitCode);

        var file = Shell($"\"$0\" decode \"$1\" {json} > \"$2\" 2>&1");

        Assert.Equal(expected.Text + expected.Error, file);
    }

    [Fact]
    public void Decode_InsideAGroupRedirectedToAFile_KeepsTheLinesBeforeAndAfterIt()
    {
        var expected = CliRun.Of("decode", TestData.RustInfoPath, "--json");

        var file = Shell("{ echo H; \"$0\" decode \"$1\" --json; echo F; } > \"$2\" 2>&1");

        Assert.Equal("H\n" + expected.Text + expected.Error + "F\n", file);
    }

    [Fact]
    public void Decode_IntoAPipeClosedEarly_StopsQuietlyWithZero()
    {
        // 'head -c 1' leaves after one byte of far more than a pipe holds; the status is the group's last word.
        var file = Shell("{ \"$0\" decode \"$1\" --json; echo \"exit $?\" >&2; } 2> \"$2\" | head -c 1 > /dev/null");

        Assert.Equal("exit 0\n", file);
    }

    private static string Shell(string script)
    {
        var output = Path.Combine(Path.GetTempPath(), $"protocolgen-redirect-{Guid.NewGuid():N}.txt");
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in new[] { "-c", script, Protocolgen, TestData.RustInfoPath, output })
            {
                start.ArgumentList.Add(argument);
            }

            using var shell = Process.Start(start)!;
            var error = shell.StandardError.ReadToEnd();
            Assert.True(shell.WaitForExit(TimeSpan.FromMinutes(2)), "the shell did not finish");
            Assert.True(shell.ExitCode == 0, $"the shell exited with {shell.ExitCode}: {error}");
            return Encoding.UTF8.GetString(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
