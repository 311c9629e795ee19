using Esmctl.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Terminal;

public sealed class TerminalApplyProgressTests
{
    private static ApplyEvent Wait(string name, int seconds) =>
        new(name, PlanActionKind.Replace, ApplyStep.WaitingForDeletion, "u-1", "Deleting", TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_wait_is_redrawn_in_place_with_its_elapsed_time()
    {
        var output = new StringWriter();
        var progress = new TerminalApplyProgress(output, new Ansi(true));
        progress.Report(Wait("orders", 2));
        progress.Report(Wait("orders", 12));
        progress.Report(Wait("orders", 75));

        var text = output.ToString();
        Assert.Equal(2, CountOf(text, "\u001b[1A\r\u001b[2K"));
        Assert.Contains("waiting for the old mapping to be deleted (Deleting, 12s elapsed)", text);
        Assert.Contains("(Deleting, 1m15s elapsed)", text);
    }

    [Fact]
    public void Another_line_between_two_waits_is_not_overwritten()
    {
        var output = new StringWriter();
        var progress = new TerminalApplyProgress(output, new Ansi(true));
        progress.Report(Wait("orders", 2));
        progress.Report(new ApplyEvent("payments", PlanActionKind.Create, ApplyStep.Creating, null));
        progress.Report(Wait("orders", 4));

        Assert.Equal(0, CountOf(output.ToString(), "\u001b[1A"));
    }

    [Fact]
    public void Without_colour_there_is_no_escape_and_waits_are_new_lines()
    {
        var output = new StringWriter();
        var progress = new TerminalApplyProgress(output, new Ansi(false));
        progress.Report(new ApplyEvent("orders", PlanActionKind.Update, ApplyStep.Updating, "u-1"));
        progress.Report(Wait("orders", 2));
        progress.Report(Wait("orders", 4));
        progress.Report(new ApplyEvent("orders", PlanActionKind.Update, ApplyStep.Succeeded, "u-1", Elapsed: TimeSpan.FromSeconds(5)));

        Assert.Equal(
            "~ orders: updating... [u-1]\n" +
            "-/+ orders: waiting for the old mapping to be deleted (Deleting, 2s elapsed)\n" +
            "-/+ orders: waiting for the old mapping to be deleted (Deleting, 4s elapsed)\n" +
            "✓ orders: updated after 5s [u-1]\n",
            output.ToString());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
