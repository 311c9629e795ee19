using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Model;
using Xunit;

namespace Reconciler.Core.Tests.Normalization;

/// <summary><see cref="EventSource.RegionOf"/> and <see cref="EventSource.AccountOf"/> read the ARN without splitting it;
/// they must answer as <c>Split(':', 6)</c> did for any text.</summary>
public sealed class ArnFieldTests
{
    private static string? BySplit(string arn, int index)
    {
        var parts = arn.Split(':', 6);
        return parts.Length >= 6 && parts[0] == "arn" && parts[index].Length > 0 ? parts[index] : null;
    }

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders")]
    [InlineData("arn:aws:kafka:eu-west-1:123456789012:cluster/c/1:x:y")]
    [InlineData("arn:aws:sqs::123456789012:orders")]
    [InlineData("arn:aws:sqs:us-east-1::orders")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:")]
    [InlineData("arnx:aws:sqs:us-east-1:123456789012:orders")]
    [InlineData("")]
    [InlineData("arn:")]
    public void Reads_the_fields_as_the_split_did(string arn)
    {
        Assert.Equal(BySplit(arn, 3), EventSource.RegionOf(arn));
        Assert.Equal(BySplit(arn, 4), EventSource.AccountOf(arn));
    }

    [Fact]
    public void Any_text_reads_as_the_split_did()
    {
        var piece = Gen.Elements("arn", ":", "::", "aws", "us-east-1", "1", "", "x");
        var text = Gen.ListOf(piece).Select(parts => string.Concat(parts));
        Prop.ForAll(text.ToArbitrary(), t => EventSource.RegionOf(t) == BySplit(t, 3) && EventSource.AccountOf(t) == BySplit(t, 4))
            .QuickCheckThrowOnFailure();
    }
}
