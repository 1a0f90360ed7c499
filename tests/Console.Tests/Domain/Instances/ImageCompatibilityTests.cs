using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;

namespace EcsConsole.Tests.Domain.Instances;

/// <summary>
/// Every compatibility rule of domain-rules §9 (CMP-02…16) and INS-07, table-driven: each row is an image, an instance
/// type and a plan, and either the rule and code that refuse it or "allowed".
/// </summary>
public sealed class ImageCompatibilityTests
{
    public sealed record Case(string Name, Image Image, InstanceType Type, LaunchPlan Plan, MarketplaceFacts? Market, string? Rule, string? Code)
    {
        public override string ToString() => Name;
    }

    private static readonly LaunchPlan PayAsYouGo = new();

    public static TheoryData<Case> Refused() =>
    [
        new("CMP-05 arm64 image on an x86 type", Img(arch: ImageArchitecture.Arm64, boot: BootMode.Uefi), Type(), PayAsYouGo, null, "CMP-05", "ImageNotSupportInstanceType"),
        new("CMP-05 x86 image on an Arm type", Img(), Type("ecs.g8y.large", arch: ImageArchitecture.Arm64, nvme: true), PayAsYouGo, null, "CMP-05", "ImageNotSupportInstanceType"),
        new("CMP-05 32-bit image on an Arm type", Img(arch: ImageArchitecture.I386), Type("ecs.c8y.small", memory: 2, arch: ImageArchitecture.Arm64), PayAsYouGo, null, "CMP-05", "ImageNotSupportInstanceType"),
        new("CMP-02 32-bit image on 4 GiB", Img(arch: ImageArchitecture.I386), Type("ecs.c7.large", memory: 4), PayAsYouGo, null, "CMP-02", "ImageNotSupportInstanceType"),
        new("CMP-02 32-bit image on 8 GiB", Img(arch: ImageArchitecture.I386), Type(), PayAsYouGo, null, "CMP-02", "ImageNotSupportInstanceType"),
        new("CMP-03 32-bit Windows on 8 vCPUs", Img(os: OsType.Windows, platform: "Windows Server 2008", arch: ImageArchitecture.I386, size: 40), Type("ecs.t5.2xlarge", vcpu: 8, memory: 2), PayAsYouGo, null, "CMP-03", "ImageNotSupportInstanceType"),
        new("CMP-04 Windows on 512 MiB", Img(os: OsType.Windows, platform: "Windows Server 2012", size: 40), Type("ecs.t6-c4m1.large", memory: 0.5m), PayAsYouGo, null, "CMP-04", "ImageNotSupportInstanceType"),
        new("CMP-04 Windows Server 2019 on 1 GiB", Img(os: OsType.Windows, platform: "Windows Server 2019", size: 40), Type("ecs.t5-lc1m1.small", vcpu: 1, memory: 1), PayAsYouGo, null, "CMP-04", "ImageNotSupportInstanceType"),
        new("CMP-06 BIOS image on a UEFI-only type", Img(boot: BootMode.Bios), Type("ecs.g7t.large", uefiOnly: true), PayAsYouGo, null, "CMP-06", "ImageNotSupportInstanceType"),
        new("CMP-06 UEFI image on a BIOS-only type", Img(boot: BootMode.Uefi), Type("ecs.t5-lc1m1.small", memory: 1, biosOnly: true), PayAsYouGo, null, "CMP-06", "ImageNotSupportInstanceType"),
        new("CMP-07 image without NVMe on an NVMe-only type", Img(nvme: false), Type("ecs.g7se.large", nvme: true), PayAsYouGo, null, "CMP-07", "ImageNotSupportInstanceType"),
        new("CMP-08 image not I/O optimized on an I/O-optimized type", Img(ioOptimized: false), Type(), PayAsYouGo, null, "CMP-08", "IoOptimized.NotSupported"),
        new("CMP-10 system disk smaller than the image", Img(size: 60), Type(), PayAsYouGo with { SystemDiskSizeGiB = 50 }, null, "CMP-10", "InvalidSystemDiskSize.LessThanImageSize"),
        new("CMP-10 Windows system disk below 40 GiB", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 20), Type(), PayAsYouGo with { SystemDiskSizeGiB = 30 }, null, "CMP-10", "InvalidSystemDiskSize.LessThanMinSize"),
        new("CMP-10 Red Hat system disk below 40 GiB", Img(platform: "RedHat"), Type(), PayAsYouGo with { SystemDiskSizeGiB = 30 }, null, "CMP-10", "InvalidSystemDiskSize.LessThanMinSize"),
        new("CMP-10 FreeBSD system disk below 30 GiB", Img(platform: "FreeBSD", size: 20), Type(), PayAsYouGo with { SystemDiskSizeGiB = 25 }, null, "CMP-10", "InvalidSystemDiskSize.LessThanMinSize"),
        new("CMP-10 system disk above the maximum", Img(), Type(), PayAsYouGo with { SystemDiskSizeGiB = 501 }, null, "CMP-10", "InvalidSystemDiskSize.MoreThanMaxSize"),
        new("CMP-11 Marketplace image not subscribed", Img(product: "cmjj1"), Type(), PayAsYouGo, new(true, false, false, "Both"), "CMP-11", "ImageNotSubscribed"),
        new("CMP-11 Marketplace product missing", Img(product: "cmjj1"), Type(), PayAsYouGo, new(false, false, true, "Both"), "CMP-11", "InvalidMarketImage.NotFound"),
        new("CMP-11 Marketplace product withdrawn", Img(product: "cmjj1"), Type(), PayAsYouGo, new(true, true, true, "Both"), "CMP-11", "ImageRemovedInMarket"),
        new("CMP-12 subscription-only image on pay-as-you-go", Img(product: "cmjj1"), Type(), PayAsYouGo, new(true, false, true, "PrePaid"), "CMP-12", "InvalidMarketImageChargeType.NotSupport"),
        new("CMP-12 pay-as-you-go-only image on a subscription", Img(product: "cmjj1"), Type(), new(InstanceChargeType.PrePaid), new(true, false, true, "PostPaid"), "CMP-12", "InvalidMarketImageChargeType.NotSupport"),
        new("CMP-13 image still being created", Img(status: ImageStatus.Creating), Type(), PayAsYouGo, null, "CMP-13", "OperationDenied.ImageNotValid"),
        new("CMP-13 image that failed to create", Img(status: ImageStatus.CreateFailed), Type(), PayAsYouGo, null, "CMP-13", "OperationDenied.ImageNotValid"),
        new("CMP-13 unavailable image", Img(status: ImageStatus.UnAvailable), Type(), PayAsYouGo, null, "CMP-13", "OperationDenied.ImageNotValid"),
        new("CMP-14 data-disk image replacing a system disk", Img(dataDisk: true), Type(), PayAsYouGo with { ReplacingSystemDisk = true }, null, "CMP-14", "OperationDenied"),
        new("CMP-15 key pair with a Windows image", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 40), Type(), PayAsYouGo with { Logon = LogonMethod.KeyPair }, null, "CMP-15", "InvalidParameter.Conflict"),
        new("CMP-15 key pair on a type that is not I/O optimized", Img(), Type(ioOptimized: false), PayAsYouGo with { Logon = LogonMethod.KeyPair }, null, "CMP-15", "InvalidParameter.Conflict"),
        new("INS-07 Linux to Windows outside mainland China", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 40), Type(),
            PayAsYouGo with { ReplacingSystemDisk = true, CurrentOsType = OsType.Linux, MainlandChinaRegion = false }, null, "INS-07", "OperationDenied"),
    ];

    public static TheoryData<Case> Allowed() =>
    [
        new("CMP-05 arm64 image on an Arm type", Img(arch: ImageArchitecture.Arm64, boot: BootMode.Uefi), Type("ecs.g8y.large", arch: ImageArchitecture.Arm64, nvme: true), PayAsYouGo, null, null, null),
        new("CMP-02 32-bit image below 4 GiB", Img(arch: ImageArchitecture.I386, nvme: false), Type("ecs.t6-c1m1.large", memory: 2), PayAsYouGo, null, null, null),
        new("CMP-03 32-bit Windows on 4 vCPUs", Img(os: OsType.Windows, platform: "Windows Server 2008", arch: ImageArchitecture.I386, size: 40), Type("ecs.t5.xlarge", vcpu: 4, memory: 2), PayAsYouGo, null, null, null),
        new("CMP-04 Windows Server 2022 on 2 GiB", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 40), Type("ecs.t6-c1m1.large", memory: 2), PayAsYouGo, null, null, null),
        new("CMP-04 older Windows on 1 GiB", Img(os: OsType.Windows, platform: "Windows Server 2012", size: 40), Type("ecs.t5-lc1m1.small", vcpu: 1, memory: 1), PayAsYouGo, null, null, null),
        new("CMP-06 UEFI image on a UEFI-only type", Img(boot: BootMode.Uefi), Type("ecs.g7t.large", uefiOnly: true), PayAsYouGo, null, null, null),
        new("CMP-06 UEFI-Preferred image on a UEFI-only type", Img(boot: BootMode.UefiPreferred), Type("ecs.g7t.large", uefiOnly: true), PayAsYouGo, null, null, null),
        new("CMP-06 UEFI-Preferred image on a BIOS-only type", Img(boot: BootMode.UefiPreferred), Type("ecs.t5-lc1m1.small", memory: 1, biosOnly: true), PayAsYouGo, null, null, null),
        new("CMP-06 BIOS image on a type with both modes", Img(boot: BootMode.Bios), Type(), PayAsYouGo, null, null, null),
        new("CMP-07 NVMe image on an NVMe-only type", Img(nvme: true), Type("ecs.g7se.large", nvme: true), PayAsYouGo, null, null, null),
        new("CMP-07 image without NVMe on a type that does not need it", Img(nvme: false), Type(), PayAsYouGo, null, null, null),
        new("CMP-10 system disk at the image size", Img(size: 60), Type(), PayAsYouGo with { SystemDiskSizeGiB = 60 }, null, null, null),
        new("CMP-10 Windows system disk of 40 GiB", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 40), Type(), PayAsYouGo with { SystemDiskSizeGiB = 40 }, null, null, null),
        new("CMP-10 system disk at the maximum", Img(), Type(), PayAsYouGo with { SystemDiskSizeGiB = 500 }, null, null, null),
        new("CMP-11 subscribed Marketplace image", Img(product: "cmjj1"), Type(), PayAsYouGo, new(true, false, true, "Both"), null, null),
        new("CMP-12 subscription-only image on a subscription", Img(product: "cmjj1"), Type(), new(InstanceChargeType.PrePaid), new(true, false, true, "PrePaid"), null, null),
        new("CMP-16 deprecated image chosen by ID", Img(status: ImageStatus.Deprecated), Type(), PayAsYouGo, null, null, null),
        new("CMP-14 data-disk image creating an instance", Img(dataDisk: true), Type(), PayAsYouGo, null, null, null),
        new("CMP-15 key pair with a Linux image", Img(), Type(), PayAsYouGo with { Logon = LogonMethod.KeyPair }, null, null, null),
        new("INS-07 Linux to Windows in mainland China", Img(os: OsType.Windows, platform: "Windows Server 2022", size: 40), Type(),
            PayAsYouGo with { ReplacingSystemDisk = true, CurrentOsType = OsType.Linux, MainlandChinaRegion = true }, null, null, null),
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_RefusesWithTheRuleAndItsCode(Case @case)
    {
        var verdict = ImageCompatibility.Check(@case.Image, @case.Type, @case.Plan, @case.Market);

        Assert.False(verdict.IsAllowed);
        Assert.Contains(verdict.Refusals, r => r.Rule == @case.Rule && r.Code == @case.Code);
        Assert.All(verdict.Refusals, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Check_Allows(Case @case)
    {
        var verdict = ImageCompatibility.Check(@case.Image, @case.Type, @case.Plan, @case.Market);

        Assert.Empty(verdict.Refusals);
        Assert.True(verdict.IsAllowed);
        Assert.Null(verdict.FirstError);
    }

    [Fact]
    public void Check_ListsEveryReason_NotOnlyTheFirst()
    {
        var bios32WithoutNvme = Img(arch: ImageArchitecture.I386, boot: BootMode.Bios, nvme: false);

        var verdict = ImageCompatibility.Check(bios32WithoutNvme, Type("ecs.g7t.large", uefiOnly: true, nvme: true), PayAsYouGo, null);

        Assert.Equal(["CMP-02", "CMP-06", "CMP-07"], verdict.Refusals.Select(r => r.Rule).Order());
    }

    [Fact]
    public void Check_DeprecatedImage_IsAllowedWithAWarning()
    {
        var verdict = ImageCompatibility.Check(Img(status: ImageStatus.Deprecated), Type(), PayAsYouGo, null);

        Assert.True(verdict.IsAllowed);
        Assert.Contains(verdict.Warnings, w => w.Rule == "CMP-16" && w.Code == ImageCompatibility.DeprecatedWarningCode);
    }

    [Fact]
    public void Check_RedHatBelowOneAndAHalfGiB_IsAllowedWithAWarning()
    {
        var verdict = ImageCompatibility.Check(Img(platform: "RedHat"), Type("ecs.t5-lc1m1.small", memory: 1), PayAsYouGo, null);

        Assert.True(verdict.IsAllowed);
        Assert.Contains(verdict.Warnings, w => w.Rule == "CMP-04" && w.Code == ImageCompatibility.LowMemoryWarningCode);
    }

    [Fact]
    public void Check_ConfiguredMaximum_RaisesTheSystemDiskCap()
    {
        var verdict = ImageCompatibility.Check(Img(), Type(), PayAsYouGo with { SystemDiskSizeGiB = 1024 }, null, maxSystemDiskGiB: 2048);

        Assert.True(verdict.IsAllowed);
    }

    [Theory]
    [InlineData(OsType.Linux, "Ubuntu", 20, 20, 40)]
    [InlineData(OsType.Linux, "FreeBSD", 20, 30, 40)]
    [InlineData(OsType.Linux, "RedHat", 20, 40, 40)]
    [InlineData(OsType.Windows, "Windows Server 2022", 40, 40, 40)]
    [InlineData(OsType.Linux, "Ubuntu", 80, 80, 80)]
    public void SystemDiskBounds_FollowTheOsAndTheImageSize(OsType os, string platform, int imageSize, int minimum, int @default)
    {
        var image = Img(os: os, platform: platform, size: imageSize);

        Assert.Equal(minimum, ImageCompatibility.MinimumSystemDiskGiB(image));
        Assert.Equal(@default, ImageCompatibility.DefaultSystemDiskGiB(image));
    }

    [Theory]
    [InlineData("cn-hangzhou", true)]
    [InlineData("cn-beijing", true)]
    [InlineData("cn-hongkong", false)]
    [InlineData("eu-central-1", false)]
    public void MainlandChina_ExcludesHongKong(string region, bool mainland) =>
        Assert.Equal(mainland, ImageCompatibility.IsMainlandChina(region));

    private static Image Img(
        ImageArchitecture arch = ImageArchitecture.X86_64,
        OsType os = OsType.Linux,
        string platform = "Ubuntu",
        BootMode boot = BootMode.UefiPreferred,
        bool nvme = true,
        bool ioOptimized = true,
        int size = 20,
        ImageStatus status = ImageStatus.Available,
        string? product = null,
        bool dataDisk = false)
    {
        var image = new Image
        {
            Id = "m-test",
            RegionId = "cn-hangzhou",
            Kind = product is null ? ImageKind.Custom : ImageKind.Marketplace,
            Name = "test",
            OsName = $"{platform} test",
            OsType = os,
            Platform = platform,
            Architecture = arch,
            SizeGiB = size,
            BootMode = boot,
            NvmeSupport = nvme,
            IsSupportIoOptimized = ioOptimized,
            ProductCode = product,
            DiskMappings = dataDisk
                ? [new() { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = size }, new() { Type = DiskMappingType.Data, Device = "/dev/xvdb", SizeGiB = 100, SnapshotId = "s-data" }]
                : [new() { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = size }],
        };
        switch (status)
        {
            case ImageStatus.Creating: image.ReportProgress(40); break;
            case ImageStatus.CreateFailed: image.MarkFailed(); break;
            case ImageStatus.UnAvailable: image.MarkUnavailable(); break;
            case ImageStatus.Deprecated: image.Deprecate(); break;
            case ImageStatus.Waiting: image.MarkWaiting(); break;
            case ImageStatus.Available: break;
        }

        return image;
    }

    private static InstanceType Type(
        string id = "ecs.g7.large",
        int vcpu = 2,
        decimal memory = 8,
        ImageArchitecture arch = ImageArchitecture.X86_64,
        bool nvme = false,
        bool uefiOnly = false,
        bool biosOnly = false,
        bool ioOptimized = true) => new()
        {
            Id = id,
            Family = id[..id.LastIndexOf('.')],
            Vcpu = vcpu,
            MemoryGiB = memory,
            Architecture = arch,
            NvmeOnly = nvme,
            UefiOnly = uefiOnly,
            BiosOnly = biosOnly,
            IoOptimized = ioOptimized,
            PricePerHour = 0.1m,
        };
}
