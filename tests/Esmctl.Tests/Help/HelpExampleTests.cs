using Esmctl.Commands;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Help;

/// <summary>Every example the help prints is a command line esmctl accepts: an example to copy that fails to parse
/// teaches the wrong thing.</summary>
public sealed class HelpExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in HelpExamples.ByCommand.Values.SelectMany(e => e))
        {
            var line = example.Split('#')[0].Trim();
            // Shell around esmctl (pipes, redirections, source) is not esmctl's to parse.
            if (line.StartsWith("esmctl ", StringComparison.Ordinal) && !line.Contains('|') && !line.Contains('>')) data.Add(line);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_parses(string line)
    {
        var parsed = Program.BuildRootCommand(InProcessEsmctl.Quiet).Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);
        Assert.Empty(parsed.Errors.Select(e => e.Message));
    }
}
