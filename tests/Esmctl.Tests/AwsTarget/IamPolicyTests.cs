using System.Text.Json;
using Reconciler.Core.Applying;
using Reconciler.Testing;

namespace Esmctl.Tests.AwsTarget;

/// <summary>The example IAM policies grant exactly the Lambda actions esmctl calls: every one for apply, only reads
/// for plan.</summary>
public sealed class IamPolicyTests
{
    private static readonly IReadOnlyDictionary<ApiOperation, string> IamAction = new Dictionary<ApiOperation, string>
    {
        [ApiOperation.List] = "lambda:ListEventSourceMappings",
        [ApiOperation.Get] = "lambda:GetEventSourceMapping",
        [ApiOperation.Create] = "lambda:CreateEventSourceMapping",
        [ApiOperation.Update] = "lambda:UpdateEventSourceMapping",
        [ApiOperation.Delete] = "lambda:DeleteEventSourceMapping",
        [ApiOperation.ListTags] = "lambda:ListTags",
        [ApiOperation.Tag] = "lambda:TagResource",
        [ApiOperation.Untag] = "lambda:UntagResource",
    };

    [Fact]
    public void The_apply_policy_allows_every_operation_the_applier_calls_and_nothing_else()
    {
        Assert.Equal(Enum.GetValues<ApiOperation>().Length, IamAction.Count);
        Assert.Equal(IamAction.Values.Order(StringComparer.Ordinal), Actions("esmctl-policy.json").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_read_only_policy_allows_only_what_plan_reads()
    {
        Assert.Equal(
            new[] { "lambda:GetEventSourceMapping", "lambda:ListEventSourceMappings", "lambda:ListTags" },
            Actions("esmctl-readonly-policy.json").Order(StringComparer.Ordinal));
    }

    private static List<string> Actions(string file)
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "iam", file)));
        var actions = new List<string>();
        foreach (var statement in policy.RootElement.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            var action = statement.GetProperty("Action");
            if (action.ValueKind == JsonValueKind.String) actions.Add(action.GetString()!);
            else actions.AddRange(action.EnumerateArray().Select(a => a.GetString()!));
        }
        return actions;
    }
}
