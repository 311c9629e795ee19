using Reconciler.Core.Diagnostics;
using Reconciler.Core.Rendering;

namespace Esmctl.Tests.Context;

/// <summary>GitHub's workflow-command escaping (actions/toolkit command.ts): %, \r, \n in the message; also : and , in a
/// property. A hostile file name or message can neither end the command nor start another.</summary>
public sealed class AnnotationEscapingTests
{
    [Fact]
    public void An_error_names_file_line_column_and_field()
    {
        var line = GitHubAnnotations.Of(Diagnostic.Error(new SourceLocation("manifests/orders.yaml", 8, 3), "spec.batchSize", "must be at most 10000"));

        Assert.Equal("::error file=manifests/orders.yaml,line=8,col=3,title=spec.batchSize::manifests/orders.yaml:8:3: spec.batchSize: must be at most 10000", line);
    }

    [Fact]
    public void A_warning_without_a_field_has_no_title() =>
        Assert.Equal("::warning file=a.yaml,line=1,col=1::a.yaml:1:1: the file holds no document",
            GitHubAnnotations.Of(Diagnostic.Warning(new SourceLocation("a.yaml", 1, 1), "", "the file holds no document")));

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A", "%250A")]
    public void Message_data_escapes_percent_and_line_breaks(string text, string escaped) =>
        Assert.Equal(escaped, GitHubAnnotations.EscapeData(text));

    [Theory]
    [InlineData("dir,name:x.yaml", "dir%2Cname%3Ax.yaml")]
    [InlineData("a\nb%c", "a%0Ab%25c")]
    public void Property_values_also_escape_colon_and_comma(string text, string escaped) =>
        Assert.Equal(escaped, GitHubAnnotations.EscapeProperty(text));

    [Fact]
    public void A_hostile_file_name_cannot_start_another_command()
    {
        var line = GitHubAnnotations.Of(Diagnostic.Error(new SourceLocation("x,line=1::\n::error::pwned.yaml", 2, 1), "", "bad"));

        Assert.Single(line.Split('\n'));
        Assert.StartsWith("::error file=x%2Cline=1%3A%3A%0A%3A%3Aerror%3A%3Apwned.yaml,line=2,col=1::", line, StringComparison.Ordinal);
    }
}
