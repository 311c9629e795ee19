using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Normalization;
using Xunit;

namespace Reconciler.Core.Tests.Normalization;

/// <summary><see cref="FunctionArns.Canonical"/> reads the partial-ARN form without splitting the name; it must answer as
/// the split did (parts[1] == "function" with three parts or more) for every name, hostile ones included.</summary>
public sealed class FunctionArnsTests
{
    private static string BySplit(string functionName, string partition, string region, string account)
    {
        if (functionName.StartsWith("arn:", StringComparison.Ordinal)) return functionName;
        var parts = functionName.Split(':');
        return parts.Length >= 3 && parts[1] == "function"
            ? $"arn:{partition}:lambda:{region}:{functionName}"
            : $"arn:{partition}:lambda:{region}:{account}:function:{functionName}";
    }

    [Theory]
    [InlineData("fn")]
    [InlineData("fn:live")]
    [InlineData("123456789012:function:fn")]
    [InlineData("123456789012:function:fn:7")]
    [InlineData("123456789012:function")]
    [InlineData("123456789012:functions:fn")]
    [InlineData(":function:")]
    [InlineData("function:fn")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [InlineData("")]
    public void Reads_each_form_as_the_split_did(string name) =>
        Assert.Equal(BySplit(name, "aws", "us-east-1", "123456789012"), FunctionArns.Canonical(name, "aws", "us-east-1", "123456789012"));

    [Fact]
    public void Any_name_reads_as_the_split_did()
    {
        var piece = Gen.Elements("function", "functio", "functions", "fn", "1", "arn", ":", "::", "", "Function");
        var name = Gen.ListOf(piece).Select(parts => string.Concat(parts));
        Prop.ForAll(name.ToArbitrary(), n => FunctionArns.Canonical(n, "aws", "r", "a") == BySplit(n, "aws", "r", "a"))
            .QuickCheckThrowOnFailure();
    }
}
