using Reconciler.Core.Export;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Export;

public sealed class ExportNamesTests
{
    private static LiveMapping Live(string uuid, string function, string? source, IReadOnlyList<string>? topics = null) => new()
    {
        Uuid = uuid,
        EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}",
        FunctionArn = function,
        State = "Enabled",
        Configuration = new MappingConfiguration { FunctionName = function, EventSourceArn = source, Topics = topics },
    };

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:Orders_Queue.fifo", "orders-queue-fifo-to-worker")]
    [InlineData("arn:aws:kinesis:us-east-1:123456789012:stream/clicks", "clicks-to-worker")]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Inventory/stream/2024-01-01T00:00:00.000", "inventory-to-worker")]
    [InlineData("arn:aws:mq:us-east-1:123456789012:broker:invoices:b-1234", "invoices-to-worker")]
    [InlineData("arn:aws:rds:us-east-1:123456789012:cluster:profiles", "profiles-to-worker")]
    public void Names_come_from_source_and_function(string source, string expected) =>
        Assert.Equal(expected, ExportNames.Derive(Live("u1", "arn:aws:lambda:us-east-1:123456789012:function:worker", source)));

    [Fact]
    public void A_qualifier_and_a_kafka_topic_are_part_of_the_name()
    {
        var mapping = Live("u1", "arn:aws:lambda:us-east-1:123456789012:function:settler:live",
            "arn:aws:kafka:us-east-1:123456789012:cluster/payments/abc", ["payments.settled"]);
        Assert.Equal("payments-settled-to-settler-live", ExportNames.Derive(mapping));
    }

    [Fact]
    public void Long_names_are_cut_to_a_dns_label()
    {
        var name = ExportNames.Derive(Live("u1", "arn:aws:lambda:us-east-1:123456789012:function:" + new string('f', 60),
            "arn:aws:sqs:us-east-1:123456789012:" + new string('q', 60)));
        Assert.True(name.Length <= 63);
        Assert.Matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", name);
    }

    [Fact]
    public void Colliding_names_all_get_a_uuid_suffix_and_tagged_names_are_kept()
    {
        var a = Live("aaaaaaaa-1111-2222-3333-444444444444", "arn:aws:lambda:us-east-1:123456789012:function:w", "arn:aws:sqs:us-east-1:123456789012:Q");
        var b = Live("bbbbbbbb-1111-2222-3333-444444444444", "arn:aws:lambda:us-east-1:123456789012:function:w", "arn:aws:sqs:us-east-1:123456789012:q");
        var c = Live("cccccccc-1111-2222-3333-444444444444", "arn:aws:lambda:us-east-1:123456789012:function:x", "arn:aws:sqs:us-east-1:123456789012:q");
        var names = ExportNames.Assign([a, b, c], m => m.Uuid.StartsWith('c') ? "kept-name" : null);
        Assert.Equal("q-to-w-aaaaaaaa", names[a.Uuid]);
        Assert.Equal("q-to-w-bbbbbbbb", names[b.Uuid]);
        Assert.Equal("kept-name", names[c.Uuid]);
        // Order of listing does not matter.
        Assert.Equal(names, ExportNames.Assign([c, b, a], m => m.Uuid.StartsWith('c') ? "kept-name" : null));
    }

    [Theory]
    [InlineData("../x", "x")]
    [InlineData("/etc/cron.d/evil", "etc-cron-d-evil")]
    [InlineData("Orders Queue", "orders-queue")]
    [InlineData("..", "mapping")]
    [InlineData("kept-name", "kept-name")]
    // esmctl.yaml is the targets file of a manifest folder: never a manifest's name.
    [InlineData("esmctl", "esmctl-u1")]
    [InlineData("ESMCTL", "esmctl-u1")]
    [InlineData("esmctl.", "esmctl-u1")]
    [InlineData("esmctl-prod", "esmctl-prod")]
    public void Tagged_names_become_labels_like_derived_ones(string tagged, string expected)
    {
        var mapping = Live("u1", "arn:aws:lambda:us-east-1:123456789012:function:w", "arn:aws:sqs:us-east-1:123456789012:q");
        Assert.Equal(expected, ExportNames.Assign([mapping], _ => tagged)["u1"]);
    }
}
