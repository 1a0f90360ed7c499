namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// The system components (<c>Owner=ALIYUN</c>, IB-02): read-only, listed in every region, referenced like custom ones.
/// Fixed here rather than seeded, so every database (new or migrated) has the same ones with the same IDs.
/// </summary>
public static class SystemComponents
{
    private static readonly DateTimeOffset Published = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<ImageComponent> For(string regionId) =>
    [
        Make(regionId, "ic-aliyun00000000000001", "install-docker-ce", ComponentType.Build, BuildSystemType.Linux,
            "Installs Docker CE from the Alibaba Cloud mirror and enables it at boot.",
            "RUN dnf config-manager --add-repo https://mirrors.aliyun.com/docker-ce/linux/centos/docker-ce.repo\nRUN dnf install -y docker-ce\nRUN systemctl enable docker"),
        Make(regionId, "ic-aliyun00000000000002", "update-os-packages", ComponentType.Build, BuildSystemType.Linux,
            "Updates every installed package to the newest version.",
            "RUN yum update -y || apt-get update && apt-get -y upgrade"),
        Make(regionId, "ic-aliyun00000000000003", "install-cloudmonitor", ComponentType.Build, BuildSystemType.Linux,
            "Installs the CloudMonitor agent.",
            "RUN wget -q http://cms-agent.oss-cn-hangzhou.aliyuncs.com/cms-go-agent/install.sh\nRUN bash install.sh"),
        Make(regionId, "ic-aliyun00000000000004", "check-system-health", ComponentType.Test, BuildSystemType.Linux,
            "Checks that the image boots with systemd healthy and the disk has free space.",
            "RUN systemctl is-system-running --wait\nRUN df -h /"),
        Make(regionId, "ic-aliyun00000000000005", "windows-update", ComponentType.Build, BuildSystemType.Windows,
            "Installs pending Windows updates.",
            "Tasks:\n  - Name: InstallUpdates\n    Action: RunPowerShellCommand\n    Properties:\n      commandContent: Install-WindowsUpdate -AcceptAll -IgnoreReboot\n"),
    ];

    private static ImageComponent Make(string regionId, string id, string name, ComponentType type, BuildSystemType system, string description, string content) => new()
    {
        Id = id,
        RegionId = regionId,
        AccountId = null,
        Name = name,
        Version = "1.0.0",
        Major = 1,
        ComponentType = type,
        SystemType = system,
        Content = content,
        Description = description,
        CreationTime = Published,
    };
}
