using System.Text.Json;
using Esmctl.Daemon;
using Reconciler.Core.Diagnostics;

namespace Esmctl.Tests.Daemon;

public sealed class StatusDocumentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Carries_the_last_tick_diagnostics_backoff_and_the_plan_verbatim()
    {
        var status = DaemonStatusSnapshot.Initial(T0, T0 + TimeSpan.FromMinutes(10)) with
        {
            Phase = LoopPhase.Waiting,
            ExpectedBy = T0 + TimeSpan.FromMinutes(1),
            NextTickAt = T0 + TimeSpan.FromMinutes(1),
            TickCount = 3,
            LastTick = new TickSummary(3, TickReason.ManifestChanged, T0, TimeSpan.FromMilliseconds(1500), TickResult.InvalidInput, 1, 0, null),
            LastSuccessAt = T0 - TimeSpan.FromMinutes(1),
            LastPlanJson = """{"formatVersion":"1","actions":[]}""",
            LastDiagnostics = [Diagnostic.Error(new SourceLocation("m/orders.yaml", 7, 3), "spec.batchSize", "must be at most 10000")],
        };
        var backoff = new[] { new MappingBackoffEntry("orders", FailureClass.Terminal, 2, null, "d", "AccessDeniedException", "no") };

        using var document = JsonDocument.Parse(StatusDocument.Render(status, backoff, T0, TimeSpan.FromMinutes(1)));
        var root = document.RootElement;

        Assert.Equal("waiting", root.GetProperty("phase").GetString());
        Assert.True(root.GetProperty("alive").GetBoolean());
        Assert.True(root.GetProperty("ready").GetBoolean());
        Assert.Equal("2026-01-01T00:01:00.000Z", root.GetProperty("nextTickAt").GetString());
        Assert.Equal("invalid_input", root.GetProperty("lastTick").GetProperty("result").GetString());
        Assert.Equal(1.5, root.GetProperty("lastTick").GetProperty("durationSeconds").GetDouble());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal(7, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("spec.batchSize", diagnostic.GetProperty("field").GetString());
        var held = Assert.Single(root.GetProperty("mappingBackoff").EnumerateArray().ToList());
        Assert.Equal("terminal", held.GetProperty("class").GetString());
        Assert.Equal(JsonValueKind.Null, held.GetProperty("retryAt").ValueKind);
        Assert.Equal("1", root.GetProperty("plan").GetProperty("formatVersion").GetString());
    }

    [Fact]
    public void Before_any_tick_the_plan_is_null_and_a_non_json_plan_is_carried_as_text()
    {
        var initial = DaemonStatusSnapshot.Initial(T0, T0 + TimeSpan.FromMinutes(10));
        using (var document = JsonDocument.Parse(StatusDocument.Render(initial, [], T0, TimeSpan.FromMinutes(1))))
        {
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("plan").ValueKind);
            Assert.False(document.RootElement.GetProperty("ready").GetBoolean());
        }
        using var odd = JsonDocument.Parse(StatusDocument.Render(initial with { LastPlanJson = "not json" }, [], T0, TimeSpan.FromMinutes(1)));
        Assert.Equal("not json", odd.RootElement.GetProperty("plan").GetString());
    }
}
