using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// DescribeInstanceTypes' hardware filters and facts (issue #21; ADR-025): every filter keeps exactly the types of the
/// demo catalogue whose facts pass it, and each type answers the facts the catalogue holds for it.
/// </summary>
public sealed class EcsApiInstanceTypeFilterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private static readonly string[] Burstable = ["ecs.t5-lc1m1.small", "ecs.t6-c1m1.large", "ecs.t6-c4m1.large"];
    private static readonly string[] Arm = ["ecs.c8y.large", "ecs.g8y.large"];

    private async Task<List<string>> TypesAsync(params (string Name, string Value)[] filter)
    {
        var answer = await api.Alice().CallAsync("DescribeInstanceTypes", filter);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return [.. answer["InstanceTypes"].GetProperty("InstanceType").EnumerateArray().Select(t => t.GetProperty("InstanceTypeId").GetString()!).Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string, string, string[]> Filters() => new()
    {
        { "InstanceCategory", "Compute-optimized", ["ecs.c7.large", "ecs.c7.xlarge", "ecs.c8y.large"] },
        { "InstanceCategories.1", "Memory-optimized", ["ecs.r7.large"] },
        { "InstanceCategory", "Enhanced", ["ecs.g7se.large", "ecs.g7t.large"] },
        { "InstanceFamilyLevel", "CreditEntryLevel", Burstable },
        { "InstanceFamilyLevel", "EntryLevel", [] },
        { "MinimumCpuCoreCount", "4", ["ecs.c7.xlarge", "ecs.g7.xlarge"] },
        { "MaximumCpuCoreCount", "1", ["ecs.t5-lc1m1.small"] },
        { "MinimumMemorySize", "16", ["ecs.g7.xlarge", "ecs.r7.large"] },
        { "MaximumMemorySize", "1", ["ecs.t5-lc1m1.small", "ecs.t6-c4m1.large"] },
        { "PhysicalProcessorModel", "yitian", Arm },
        { "PhysicalProcessorModels.1", "Sapphire Rapids", ["ecs.g8i.large"] },
        { "MinimumCpuSpeedFrequency", "2.75", Arm },
        { "MaximumCpuSpeedFrequency", "2.5", ["ecs.g6.large", .. Burstable] },
        { "MinimumCpuTurboFrequency", "3.5", ["ecs.c7.large", "ecs.c7.xlarge", "ecs.g7.large", "ecs.g7.xlarge", "ecs.g7se.large", "ecs.g7t.large", "ecs.r7.large"] },
        { "MaximumCpuTurboFrequency", "3.0", ["ecs.c8y.large", "ecs.g8y.large", "ecs.t5-lc1m1.small"] },
        { "MinimumBaselineCredit", "20", ["ecs.t6-c1m1.large"] },
        { "MinimumInitialCredit", "1", ["ecs.t5-lc1m1.small"] },
        { "MinimumEniQuantity", "4", ["ecs.c7.xlarge", "ecs.g7.xlarge"] },
        { "MinimumEniPrivateIpAddressQuantity", "15", ["ecs.c7.xlarge", "ecs.g7.xlarge", "ecs.g8i.large"] },
        { "MinimumEniIpv6AddressQuantity", "10", ["ecs.c7.xlarge", "ecs.c8y.large", "ecs.g7.xlarge", "ecs.g8i.large", "ecs.g8y.large"] },
        { "MinimumInstanceBandwidthRx", "2560000", ["ecs.c7.xlarge", "ecs.g7.xlarge", "ecs.g8i.large"] },
        { "MinimumInstanceBandwidthTx", "3000000", ["ecs.c7.xlarge", "ecs.g7.xlarge"] },
        { "MinimumInstancePpsRx", "1000000", ["ecs.c7.xlarge", "ecs.c8y.large", "ecs.g7.xlarge", "ecs.g8i.large", "ecs.g8y.large"] },
        { "MinimumInstancePpsTx", "300000", ["ecs.c7.large", "ecs.c7.xlarge", "ecs.c8y.large", "ecs.g6.large", "ecs.g7.large", "ecs.g7.xlarge", "ecs.g7se.large", "ecs.g7t.large", "ecs.g8i.large", "ecs.g8y.large", "ecs.r7.large"] },
        { "MinimumPrimaryEniQueueNumber", "4", ["ecs.c7.xlarge", "ecs.g7.xlarge"] },
        { "MinimumSecondaryEniQueueNumber", "2", ["ecs.c7.large", "ecs.c7.xlarge", "ecs.c8y.large", "ecs.g6.large", "ecs.g7.large", "ecs.g7.xlarge", "ecs.g7se.large", "ecs.g7t.large", "ecs.g8i.large", "ecs.g8y.large", "ecs.r7.large"] },
        { "MinimumDiskQuantity", "18", [] },
        { "MinimumGPUAmount", "1", [] },
        { "GPUSpec", "NVIDIA", [] },
        { "GpuSpecs.1", "A10", [] },
        { "LocalStorageCategory", "local_ssd_pro", [] },
        { "LocalStorageCategories.1", "local_hdd_pro", [] },
        { "MinimumLocalStorageAmount", "1", [] },
        { "MinimumLocalStorageCapacity", "40", [] },
        { "MinimumEriQuantity", "1", [] },
        { "MinimumQueuePairNumber", "1", [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task AHardwareFilter_KeepsExactlyTheTypesWhoseFactsPassIt(string parameter, string value, string[] expected)
    {
        // Act
        var types = await TypesAsync((parameter, value));

        // Assert
        Assert.Equal(expected.Order(StringComparer.Ordinal), types);
    }

    [Fact]
    public async Task Filters_Combine_AndTheirMaximaLeaveEveryTypeWhenNoneIsLarger()
    {
        // Act
        var all = await TypesAsync();
        var unbounded = await TypesAsync(("MaximumGPUAmount", "0"), ("MaximumCpuCoreCount", "64"));
        var both = await TypesAsync(("InstanceCategory", "General-purpose"), ("CpuArchitecture", "ARM"), ("MinimumMemorySize", "8"));

        // Assert
        Assert.Equal(14, all.Count);
        Assert.Equal(all, unbounded);
        Assert.Equal(["ecs.g8y.large"], both);
    }

    [Fact]
    public async Task EveryTypeSold_HasItsHardwareFacts()
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeInstanceTypes");

        // Assert: a type added to the catalogue without facts would answer the defaults
        Assert.All(answer["InstanceTypes"].GetProperty("InstanceType").EnumerateArray(), t =>
        {
            Assert.NotEqual("", t.GetProperty("PhysicalProcessorModel").GetString());
            Assert.True(t.GetProperty("CpuSpeedFrequency").GetDecimal() > 0);
            Assert.True(t.GetProperty("CpuTurboFrequency").GetDecimal() >= t.GetProperty("CpuSpeedFrequency").GetDecimal());
            Assert.True(t.GetProperty("EniQuantity").GetInt32() >= 1);
            Assert.True(t.GetProperty("EniPrivateIpAddressQuantity").GetInt32() >= 1);
            Assert.True(t.GetProperty("InstanceBandwidthRx").GetInt64() > 0);
            Assert.True(t.GetProperty("InstancePpsRx").GetInt64() > 0);
            Assert.True(t.GetProperty("PrimaryEniQueueNumber").GetInt32() >= 1);
            Assert.Equal(t.GetProperty("InstanceFamilyLevel").GetString() == "CreditEntryLevel", t.GetProperty("BaselineCredit").GetInt32() > 0);
        });
    }

    [Theory]
    [InlineData("InstanceFamilyLevel", "Premium")]
    [InlineData("MinimumMemorySize", "lots")]
    [InlineData("MinimumCpuCoreCount", "-1")]
    [InlineData("MinimumCpuSpeedFrequency", "fast")]
    public async Task AMalformedFilter_IsRefused(string parameter, string value)
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeInstanceTypes", (parameter, value));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("InvalidParameter", answer.Code);
    }

    [Fact]
    public async Task AType_AnswersItsHardwareFacts_WithTheirJsonTypes()
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.g7.xlarge"), ("InstanceTypes.2", "ecs.t5-lc1m1.small"),
            ("AdditionalAttributes.1", "JumboFrameSupport"), ("AdditionalAttributes.2", "NotAnAttribute"));

        // Assert
        var types = answer["InstanceTypes"].GetProperty("InstanceType").EnumerateArray()
            .ToDictionary(t => t.GetProperty("InstanceTypeId").GetString()!);
        var g7 = types["ecs.g7.xlarge"];
        Assert.Equal("General-purpose", g7.GetProperty("InstanceCategory").GetString());
        Assert.Equal("EnterpriseLevel", g7.GetProperty("InstanceFamilyLevel").GetString());
        Assert.Equal("Intel Xeon(Ice Lake) Platinum 8369B", g7.GetProperty("PhysicalProcessorModel").GetString());
        Assert.Equal(2.7m, g7.GetProperty("CpuSpeedFrequency").GetDecimal());
        Assert.Equal(3.5m, g7.GetProperty("CpuTurboFrequency").GetDecimal());
        Assert.Equal(4, g7.GetProperty("EniQuantity").GetInt32());
        Assert.Equal(15, g7.GetProperty("EniPrivateIpAddressQuantity").GetInt32());
        Assert.Equal(3_072_000, g7.GetProperty("InstanceBandwidthRx").GetInt64());
        Assert.Equal(1_000_000, g7.GetProperty("InstancePpsTx").GetInt64());
        Assert.Equal(16, g7.GetProperty("TotalEniQueueQuantity").GetInt32());
        Assert.Equal(2, g7.GetProperty("CpuOptions").GetProperty("Core").GetInt32());
        Assert.Equal(2, g7.GetProperty("CpuOptions").GetProperty("ThreadsPerCore").GetInt32());
        Assert.True(g7.GetProperty("EniTrunkSupported").GetBoolean());
        Assert.Equal(JsonValueKind.Number, g7.GetProperty("BaselineCredit").ValueKind);
        var attribute = Assert.Single(g7.GetProperty("Attributes").GetProperty("Attribute").EnumerateArray());
        Assert.Equal(("JumboFrameSupport", "true"), (attribute.GetProperty("Name").GetString(), attribute.GetProperty("Value").GetString()));
        var t5 = types["ecs.t5-lc1m1.small"];
        Assert.Equal("CreditEntryLevel", t5.GetProperty("InstanceFamilyLevel").GetString());
        Assert.Equal(10, t5.GetProperty("BaselineCredit").GetInt32());
        Assert.Equal(30, t5.GetProperty("InitialCredit").GetInt32());
        Assert.Equal("unsupported", t5.GetProperty("SecurityOptions").GetProperty("SecureBootSupport").GetString());
        Assert.Equal(1, t5.GetProperty("CpuOptions").GetProperty("Core").GetInt32());
    }
}
