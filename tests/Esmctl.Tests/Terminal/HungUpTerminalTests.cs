using System.Runtime.InteropServices;
using System.Text;
using Esmctl.Commands;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Terminal;

/// <summary>
/// A terminal that hangs up mid-apply (an ssh connection dropped, a tab closed): the kernel sends SIGHUP and every later
/// write to it fails with EIO. The apply must still finish what is in flight and exit 129; a report it cannot print is
/// not a crash (it was: the report's IOException, then the error line's, then an unhandled exception and SIGABRT).
/// </summary>
public sealed class HungUpTerminalTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>When SIGHUP arrives relative to the first failed write: before it (the kernel's order on a terminal), after
    /// it (the same hang-up seen twice: not a second signal, which would abort), or never (a pipe whose reader left, or a
    /// terminal esmctl is not the session leader of).</summary>
    public enum HangUpSignal { BeforeTheFailedWrite, AfterTheFailedWrite, Never }

    [Theory]
    [InlineData(HangUpSignal.BeforeTheFailedWrite)]
    [InlineData(HangUpSignal.AfterTheFailedWrite)]
    [InlineData(HangUpSignal.Never)]
    public async Task An_apply_whose_terminal_hangs_up_finishes_its_actions_in_flight_and_exits_129(HangUpSignal signal)
    {
        var before = Creates(_workspace.Run("plan", _workspace.Manifests));
        Assert.True(before >= 2, "the workspace must plan several creates");
        var signals = InterruptSignals.Manual();
        // The terminal hangs up as the first create starts.
        var terminal = new HangingTerminal(line => line.Contains("creating...", StringComparison.Ordinal), () =>
        {
            if (signal == HangUpSignal.BeforeTheFailedWrite) signals.Raise(PosixSignal.SIGHUP);
            // After: once esmctl has seen the failed write (it stopped starting on its own), the kernel's SIGHUP comes.
            if (signal == HangUpSignal.AfterTheFailedWrite)
                _ = Task.Run(() =>
                {
                    SpinWait.SpinUntil(() => signals.Received, TimeSpan.FromSeconds(30));
                    signals.Raise(PosixSignal.SIGHUP);
                });
        });
        var services = (InProcessEsmctl.Default with { Interrupts = () => signals })
            .Services(terminal.Out, terminal.Error, TextReader.Null);

        var code = await Task.Run(() => Program.RunAsync(_workspace.WithLocalState(["apply", _workspace.Manifests, "--auto-approve"]), services))
            .WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(terminal.HungUp);
        Assert.True(code == ExitCodes.HangUp, $"exit {code}: {terminal.Written}");
        // Stopped starting, never aborted: what was in flight was done, nothing after it was started, and the next plan
        // sees the created mapping and no damage.
        Assert.False(signals.Aborted);
        Assert.DoesNotContain("error:", terminal.Written);
        var plan = _workspace.Run("plan", _workspace.Manifests);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.InRange(Creates(plan), 1, before - 1);
    }

    [Fact]
    public async Task A_plan_whose_output_fails_exits_129_instead_of_reporting_success_or_throwing()
    {
        var terminal = new HangingTerminal(line => line.Contains("Plan:", StringComparison.Ordinal), () => { });
        var services = InProcessEsmctl.Default.Services(terminal.Out, terminal.Error, TextReader.Null);

        var code = await Program.RunAsync(_workspace.WithLocalState(["plan", _workspace.Manifests]), services);

        Assert.True(terminal.HungUp);
        Assert.Equal(ExitCodes.HangUp, code);
    }

    [Fact]
    public void A_real_second_signal_after_the_output_was_lost_still_aborts()
    {
        using var signals = InterruptSignals.Manual();
        signals.OutputLost();
        signals.Raise(PosixSignal.SIGHUP);
        Assert.True(signals.Received);
        Assert.False(signals.Aborted);
        Assert.Equal(ExitCodes.HangUp, signals.ExitCode);

        signals.Raise(PosixSignal.SIGINT);
        Assert.True(signals.Aborted);
        Assert.Equal(ExitCodes.HangUp, signals.ExitCode);
    }

    [Fact]
    public void Output_lost_after_a_ctrl_c_keeps_130_and_does_not_abort()
    {
        using var signals = InterruptSignals.Manual();
        signals.Raise(PosixSignal.SIGINT);
        signals.OutputLost();
        Assert.False(signals.Aborted);
        Assert.Equal(ExitCodes.Interrupted, signals.ExitCode);
    }

    private static int Creates(EsmctlProcess.Result plan) =>
        System.Text.RegularExpressions.Regex.Match(plan.Stdout, @"Plan: (\d+) to create") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task A_command_error_with_a_broken_standard_error_keeps_its_exit_code_and_does_not_throw()
    {
        var terminal = new HangingTerminal(_ => true, () => { });
        var code = await CommandErrors.GuardAsync(
            new CommandConsole(terminal.Out, terminal.Error, TextReader.Null, false), debug: false,
            () => throw new HttpRequestException("connection refused"));

        Assert.Equal(ExitCodes.Error, code);
    }

    /// <summary>Standard output and error of one terminal: once a line matches, the terminal hangs up (the callback is the
    /// kernel's side of it) and that write and every later one fails with EIO, as on Linux.</summary>
    private sealed class HangingTerminal
    {
        private readonly Func<string, bool> _hangsUpAt;
        private readonly Action _hangUp;
        private readonly StringBuilder _written = new();
        private readonly object _gate = new();

        public HangingTerminal(Func<string, bool> hangsUpAt, Action hangUp)
        {
            _hangsUpAt = hangsUpAt;
            _hangUp = hangUp;
            Out = new Stream(this);
            Error = new Stream(this);
        }

        public TextWriter Out { get; }

        public TextWriter Error { get; }

        public bool HungUp { get; private set; }

        public string Written
        {
            get
            {
                lock (_gate) return _written.ToString();
            }
        }

        private void Write(string text)
        {
            bool hangUpNow;
            lock (_gate)
            {
                hangUpNow = !HungUp && _hangsUpAt(text);
                if (hangUpNow) HungUp = true;
                else if (!HungUp) _written.Append(text);
            }
            if (hangUpNow) _hangUp();
            if (HungUp) throw new IOException("Input/output error", 5);
        }

        private sealed class Stream(HangingTerminal terminal) : TextWriter
        {
            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value) => terminal.Write(value.ToString());

            public override void Write(string? value) => terminal.Write(value ?? "");

            public override void WriteLine(string? value) => terminal.Write((value ?? "") + "\n");
        }
    }
}
