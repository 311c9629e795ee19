using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering.Json;
using static Reconciler.Core.Tests.Rendering.SamplePlans;

namespace Reconciler.Core.Tests.Rendering;

public sealed class JsonPlanRendererTests
{
    [Fact]
    public void Properties_come_in_the_documented_order()
    {
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(EveryAction()));
        var root = json.RootElement;

        Assert.Equal(["formatVersion", "errored", "scope", "diagnostics", "actions", "conflicts", "orphans", "unmanaged", "summary"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1", root.GetProperty("formatVersion").GetString());
        Assert.Equal(["name", "action", "uuid", "changes", "warnings"], root.GetProperty("actions")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["uuid", "functionArn", "eventSourceArn", "state", "name", "owner"], root.GetProperty("orphans")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["create", "update", "replace", "delete", "adopt", "noop", "conflicts", "orphans", "pending"],
            root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_action_word_is_lowercase_and_noops_are_included()
    {
        var document = JsonPlanRenderer.ToDocument(EveryAction());

        Assert.Equal(
            ["audit-log:noop", "billing-stream:update", "inventory-events:adopt", "legacy-queue:delete", "metrics-sink:noop", "orders-to-processor:create", "payments-stream:replace"],
            document.Actions.Select(a => $"{a.Name}:{a.Action}"));
    }

    [Fact]
    public void Absent_values_are_null_and_present_ones_keep_their_json_type()
    {
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(EveryAction()));
        var billing = json.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "billing-stream");
        var changes = billing.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);

        Assert.Equal(JsonValueKind.Number, changes["batchSize"].GetProperty("after").ValueKind);
        Assert.Equal(JsonValueKind.Null, changes["filterCriteria"].GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Object, changes["filterCriteria"].GetProperty("after").ValueKind);
        Assert.Equal(JsonValueKind.Null, changes["kmsKeyArn"].GetProperty("after").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("action").GetString() == "create").GetProperty("uuid").ValueKind);
    }

    [Fact]
    public void The_document_does_not_share_values_with_the_plan()
    {
        var after = new JsonObject { ["a"] = 1 };
        var plan = new Plan([new PlannedAction { Name = "x", Kind = PlanActionKind.Update, Uuid = "u", Changes = [Change("f", null, after)] }], [], []);
        var before = JsonPlanRenderer.Render(plan);

        var document = JsonPlanRenderer.ToDocument(plan);
        after["a"] = 2;

        Assert.Equal(1, document.Actions[0].Changes[0].After!["a"]!.GetValue<int>());
        Assert.Equal(before.Replace("\"a\": 1", "\"a\": 2", StringComparison.Ordinal), JsonPlanRenderer.Render(plan));
    }

    [Fact]
    public void Output_is_indented_with_unix_line_endings_and_ends_with_one_newline()
    {
        var json = JsonPlanRenderer.Render(new Plan([], [], []));

        Assert.Equal(
            "{\n  \"formatVersion\": \"1\",\n  \"errored\": false,\n  \"scope\": null,\n  \"diagnostics\": [],\n  \"actions\": [],\n" +
            "  \"conflicts\": [],\n  \"orphans\": [],\n  \"unmanaged\": [],\n  \"summary\": {\n" +
            "    \"create\": 0,\n    \"update\": 0,\n    \"replace\": 0,\n    \"delete\": 0,\n    \"adopt\": 0,\n    \"noop\": 0,\n" +
            "    \"conflicts\": 0,\n    \"orphans\": 0,\n    \"pending\": false\n  }\n}\n",
            json);
    }
}
