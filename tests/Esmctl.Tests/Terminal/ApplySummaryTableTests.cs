using Reconciler.Core.Api;
using Esmctl.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Terminal;

public sealed class ApplySummaryTableTests
{
    private static readonly ApplyReport Report = new(
        [
            new ApplyOutcome("orders", PlanActionKind.Create, ApplyResult.Succeeded, "uuid-1", null, 2, 0, 0),
            new ApplyOutcome("payments", PlanActionKind.Update, ApplyResult.Failed, "uuid-2",
                new ApplyError("AccessDeniedException", "not authorized to perform: lambda:UpdateEventSourceMapping"), 1, 0, 0),
            new ApplyOutcome("steady", PlanActionKind.Noop, ApplyResult.Succeeded, "uuid-3", null, 0, 0, 0),
        ],
        new Dictionary<ApiOperation, int>());

    [Fact]
    public void The_table_has_a_row_per_action_with_its_result_and_ends_with_the_verdict()
    {
        var output = new StringWriter();
        ApplySummaryTable.Render(output, Report, color: false, RetryCounts.None);
        var text = output.ToString();

        Assert.DoesNotContain('\u001b', text);
        Assert.Matches(@"│ orders\s+│ create\s+│ ok\s+│ uuid-1", text);
        Assert.Matches(@"│ payments\s+│ update\s+│ FAILED\s+│ AccessDeniedException", text);
        Assert.DoesNotContain("steady", text);
        Assert.EndsWith("Apply finished with errors: 1 of 2 actions did not complete. Mappings: 1 created, 0 updated, 0 replaced, 0 deleted, 0 adopted.\n",
            text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void With_colour_the_results_are_coloured()
    {
        var output = new StringWriter();
        ApplySummaryTable.Render(output, Report, color: true, RetryCounts.None);
        Assert.Contains("\u001b[", output.ToString());
    }

    [Fact]
    public void Off_a_terminal_the_plain_report_is_written_instead_of_a_table()
    {
        var output = new StringWriter();
        ApplySummaryTable.Write(new CommandConsole(output, TextWriter.Null, TextReader.Null, IsInteractive: false), Report, color: true, RetryCounts.None);
        Assert.DoesNotContain("│", output.ToString());
        Assert.Contains("  FAILED  payments: update failed: AccessDeniedException", output.ToString());
    }
}
