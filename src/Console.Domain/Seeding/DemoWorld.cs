using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Marketplace;
using static EcsConsole.Domain.Images.ImageArchitecture;
using static EcsConsole.Domain.Images.BootMode;
using static EcsConsole.Domain.Images.OsType;

namespace EcsConsole.Domain.Seeding;

/// <summary>
/// The demo world of ui-contract.md §2: what suites and newcomers find on an empty database.
/// Names, IDs and passwords listed in the contract are fixed here and nowhere else.
/// </summary>
public static class DemoWorld
{
    public const string Password = "Demo@12345";

    /// <summary>
    /// <see cref="Password"/> hashed as Identity's <c>PasswordHasher</c> does (format V3: PBKDF2 with HMAC-SHA512, 100,000
    /// iterations, a 16-byte salt fixed here, a 32-byte subkey), made once instead of at every seed (issue #20's cold start).
    /// The password is public (ui-contract §2), so a salt shared by every install hides nothing it would otherwise hide;
    /// a password a user sets is hashed afresh, with a random salt. <c>DemoWorldSeedTests</c> verifies it.
    /// </summary>
    public const string PasswordHash = "AQAAAAIAAYagAAAAEO/Pq8nKc+FHhzu7RVSvw9HyAR6aMY+f/qwi6z+53I55+OX5Z2ouEdCK0m0hOGV6fg==";
    public const string AcmeAccountId = "1234567890123456";
    public const string GlobexAccountId = "2345678901234567";
    public const string InitechAccountId = "3456789012345678";
    public const string Alice = "alice@acme.example";
    public const string Bob = "bob@acme.example";
    public const string Carol = "carol@globex.example";
    public const string Dave = "dave@initech.example";
    public const string Root = "root@ecsconsole.local";

    /// <summary>The AccessKey pairs of ui-contract §2 (ID, secret, user).</summary>
    public static IReadOnlyList<(string Id, string Secret, string User)> AccessKeys { get; } =
    [
        ("LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001", Alice),
        ("LTAI5tDemoBob00000000001", "DemoBobSecret00000000000000000001", Bob),
        ("LTAI5tDemoCarol000000001", "DemoCarolSecret000000000000000001", Carol),
    ];

    /// <summary>Builds the whole world into <paramref name="w"/>'s context (not saved).</summary>
    /// <param name="w">The builder.</param>
    /// <param name="protectedSecrets">The AccessKey secrets, already protected, by AccessKey ID: protecting may write the
    /// Data Protection key ring to the same database, so it must happen before the seeding transaction opens.</param>
    public static void Build(WorldBuilder w, IReadOnlyDictionary<string, string> protectedSecrets)
    {
        AddRegions(w);
        DemoInstanceTypes.Add(w);
        AddPublicImages(w);
        AddMarketplace(w);

        w.AddAccount(AcmeAccountId, "Acme");
        w.AddAccount(GlobexAccountId, "Globex");
        w.AddAccount(InitechAccountId, "Initech");

        // A second resource group in each account beside its default one, for ResourceGroupId filters and JoinResourceGroup.
        foreach (var account in new[] { AcmeAccountId, GlobexAccountId, InitechAccountId })
        {
            w.AddResourceGroup(account, "test", "Test");
        }
        var users = new Dictionary<string, ConsoleUser>
        {
            [Alice] = w.AddUser(Alice, Password, AcmeAccountId, AccountRole.Admin),
            [Bob] = w.AddUser(Bob, Password, AcmeAccountId, AccountRole.ReadOnly),
            [Carol] = w.AddUser(Carol, Password, GlobexAccountId, AccountRole.Admin),
            [Dave] = w.AddUser(Dave, Password, InitechAccountId, AccountRole.Admin),
            [Root] = w.AddUser(Root, Password, null, AccountRole.ReadOnly, platformAdmin: true),
        };
        foreach (var (id, _, user) in AccessKeys)
        {
            w.AddAccessKey(users[user], id, protectedSecrets[id]);
        }

        AddAcme(w);
        AddGlobex(w);
        AddInitech(w);
        MarkImagesInUse(w);

        // Appended last so that every ID seeded before keeps its value.
        AddMarketplaceCatalogue(w);

        // Simple Application Server IDs come from a generator of their own (WorldBuilder.SasIdSeed).
        AddAcmeSimpleApplicationServers(w);
    }

    private static void AddRegions(WorldBuilder w)
    {
        w.AddRegion("cn-hangzhou", "China (Hangzhou)", "bp", 1, ("h", "Hangzhou Zone H"), ("i", "Hangzhou Zone I"), ("j", "Hangzhou Zone J"), ("k", "Hangzhou Zone K"));
        w.AddRegion("cn-shanghai", "China (Shanghai)", "uf", 2, ("e", "Shanghai Zone E"), ("f", "Shanghai Zone F"), ("g", "Shanghai Zone G"));
        w.AddRegion("cn-beijing", "China (Beijing)", "2ze", 3, ("g", "Beijing Zone G"), ("h", "Beijing Zone H"), ("i", "Beijing Zone I"));
        w.AddRegion("cn-hongkong", "China (Hong Kong)", "j6", 4, ("b", "Hong Kong Zone B"), ("c", "Hong Kong Zone C"));
        w.AddRegion("ap-southeast-1", "Singapore", "t4n", 5, ("a", "Singapore Zone A"), ("b", "Singapore Zone B"), ("c", "Singapore Zone C"));
        w.AddRegion("us-west-1", "US (Silicon Valley)", "rj9", 6, ("a", "Silicon Valley Zone A"), ("b", "Silicon Valley Zone B"));
        w.AddRegion("eu-central-1", "Germany (Frankfurt)", "gw8", 7, ("a", "Frankfurt Zone A"), ("b", "Frankfurt Zone B"));
    }

    private static DateTimeOffset D(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    private static void AddPublicImages(WorldBuilder w)
    {
        w.AddPublicImage("aliyun_3_x64_20G_alibase_20250101.vhd", "Alibaba Cloud Linux 3.2104 LTS 64 bit", Linux, "Aliyun", X86_64, 20, UefiPreferred, true, D(2025, 1, 1), family: "acs:alibaba_cloud_linux_3_2104_lts_x64");
        w.AddPublicImage("aliyun_3_arm64_20G_alibase_20250101.vhd", "Alibaba Cloud Linux 3.2104 LTS 64 bit ARM", Linux, "Aliyun", Arm64, 20, Uefi, true, D(2025, 1, 1), family: "acs:alibaba_cloud_linux_3_2104_lts_arm64");
        w.AddPublicImage("aliyun_2_1903_x64_20G_alibase_20240628.vhd", "Alibaba Cloud Linux 2.1903 LTS 64 bit", Linux, "Aliyun", X86_64, 20, Bios, true, D(2024, 6, 28));
        w.AddPublicImage("ubuntu_22_04_x64_20G_alibase_20240130.vhd", "Ubuntu 22.04 64 bit", Linux, "Ubuntu", X86_64, 20, Bios, true, D(2024, 1, 30));
        w.AddPublicImage("ubuntu_24_04_x64_20G_alibase_20250101.vhd", "Ubuntu 24.04 64 bit", Linux, "Ubuntu", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("ubuntu_20_04_x64_20G_alibase_20240130.vhd", "Ubuntu 20.04 64 bit", Linux, "Ubuntu", X86_64, 20, Bios, true, D(2024, 1, 30));
        w.AddPublicImage("ubuntu_22_04_arm64_20G_alibase_20240130.vhd", "Ubuntu 22.04 64 bit ARM", Linux, "Ubuntu", Arm64, 20, Uefi, true, D(2024, 1, 30));
        w.AddPublicImage("ubuntu_24_04_arm64_20G_alibase_20250101.vhd", "Ubuntu 24.04 64 bit ARM", Linux, "Ubuntu", Arm64, 20, Uefi, true, D(2025, 1, 1));
        w.AddPublicImage("centos_7_9_x64_20G_alibase_20240628.vhd", "CentOS 7.9 64 bit", Linux, "CentOS", X86_64, 20, Bios, false, D(2024, 6, 28), endOfLife: true);
        w.AddPublicImage("centos_6_10_32_20G_alibase_20200319.vhd", "CentOS 6.10 32 bit", Linux, "CentOS", I386, 20, Bios, false, D(2020, 3, 19), endOfLife: true);
        w.AddPublicImage("centos_8_5_x64_20G_alibase_20220428.vhd", "CentOS 8.5 64 bit", Linux, "CentOS", X86_64, 20, Bios, true, D(2022, 4, 28), endOfLife: true);
        w.AddPublicImage("centos_stream_9_x64_20G_alibase_20250101.vhd", "CentOS Stream 9 64 bit", Linux, "CentOS Stream", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("debian_12_x64_20G_alibase_20250101.vhd", "Debian 12.8 64 bit", Linux, "Debian", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("debian_11_x64_20G_alibase_20240130.vhd", "Debian 11.9 64 bit", Linux, "Debian", X86_64, 20, Bios, true, D(2024, 1, 30));
        w.AddPublicImage("debian_12_arm64_20G_alibase_20250101.vhd", "Debian 12.8 64 bit ARM", Linux, "Debian", Arm64, 20, Uefi, true, D(2025, 1, 1));
        w.AddPublicImage("anolisos_8_9_x64_20G_rhck_alibase_20240628.vhd", "Anolis OS 8.9 RHCK 64 bit", Linux, "Anolis", X86_64, 20, UefiPreferred, true, D(2024, 6, 28));
        w.AddPublicImage("rockylinux_9_4_x64_20G_alibase_20250101.vhd", "Rocky Linux 9.4 64 bit", Linux, "Rocky Linux", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("almalinux_9_4_x64_20G_alibase_20250101.vhd", "AlmaLinux 9.4 64 bit", Linux, "AlmaLinux", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("opensuse_15_6_x64_20G_alibase_20250101.vhd", "openSUSE 15.6 64 bit", Linux, "OpenSUSE", X86_64, 20, Bios, true, D(2025, 1, 1));
        w.AddPublicImage("suse_sles_15_sp6_x64_20G_alibase_20250101.vhd", "SUSE Linux Enterprise Server 15 SP6 64 bit", Linux, "SUSE", X86_64, 20, Bios, true, D(2025, 1, 1), feePerHour: 0.05m);
        w.AddPublicImage("fedora_40_x64_20G_alibase_20250101.vhd", "Fedora 40 64 bit", Linux, "Fedora", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("freebsd_14_1_x64_30G_alibase_20250101.vhd", "FreeBSD 14.1 64 bit", Linux, "FreeBSD", X86_64, 30, Bios, false, D(2025, 1, 1));
        w.AddPublicImage("rhel_9_4_x64_20G_alibase_20250101.vhd", "Red Hat Enterprise Linux 9.4 64 bit", Linux, "RedHat", X86_64, 20, UefiPreferred, true, D(2025, 1, 1), feePerHour: 0.06m);
        w.AddPublicImage("rhel_8_10_x64_20G_alibase_20250101.vhd", "Red Hat Enterprise Linux 8.10 64 bit", Linux, "RedHat", X86_64, 20, Bios, true, D(2025, 1, 1), feePerHour: 0.06m);
        w.AddPublicImage("win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd", "Windows Server 2022 Datacenter 64-bit (English)", Windows, "Windows Server 2022", X86_64, 40, UefiPreferred, true, D(2025, 1, 1), feePerHour: 0.092m);
        w.AddPublicImage("win2022_21H2_x64_dtc_zh-cn_40G_alibase_20250101.vhd", "Windows Server 2022 Datacenter 64-bit (Chinese)", Windows, "Windows Server 2022", X86_64, 40, UefiPreferred, true, D(2025, 1, 1), feePerHour: 0.092m);
        w.AddPublicImage("win2019_1809_x64_dtc_en-us_40G_alibase_20250101.vhd", "Windows Server 2019 Datacenter 64-bit (English)", Windows, "Windows Server 2019", X86_64, 40, Bios, true, D(2025, 1, 1), feePerHour: 0.092m);
        w.AddPublicImage("win2016_1607_x64_dtc_en-us_40G_alibase_20250101.vhd", "Windows Server 2016 Datacenter 64-bit (English)", Windows, "Windows Server 2016", X86_64, 40, Bios, false, D(2025, 1, 1), feePerHour: 0.092m);
        w.AddPublicImage("win2012r2_9600_x64_dtc_en-us_40G_alibase_20230214.vhd", "Windows Server 2012 R2 Datacenter 64-bit (English)", Windows, "Windows Server 2012", X86_64, 40, Bios, false, D(2023, 2, 14), feePerHour: 0.092m, endOfLife: true);
        w.AddPublicImage("kylin_v10_sp3_x64_20G_alibase_20250101.vhd", "Kylin V10 SP3 64 bit", Linux, "Kylin", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
        w.AddPublicImage("uos_20_1070e_x64_20G_alibase_20250101.vhd", "UOS Server 20 1070e 64 bit", Linux, "UOS", X86_64, 20, UefiPreferred, true, D(2025, 1, 1));
    }

    private static void AddMarketplace(WorldBuilder w)
    {
        w.AddMarketplaceProduct("cmjj00000001", "LAMP Stack (PHP 8.2) on Alibaba Cloud Linux 3", "Web Stacks", "Websoft9",
            "Apache, MySQL and PHP, ready to serve.", 0m, "Both", "aliyun_3_x64_20G_alibase_20250101.vhd", ["cn-hangzhou", "cn-shanghai", "cn-beijing"], "8.2.1",
            usageNotes: "Open port 80. phpMyAdmin is at /phpmyadmin; credentials are in /credentials/password.txt.");
        w.AddMarketplaceProduct("cmjj00000002", "WordPress 6.5 on Ubuntu 22.04", "Web Stacks", "Websoft9",
            "WordPress with Nginx and MariaDB.", 0.02m, "Both", "ubuntu_22_04_x64_20G_alibase_20240130.vhd", ["cn-hangzhou", "ap-southeast-1", "us-west-1"], "6.5.0");
        w.AddMarketplaceProduct("cmjj00000003", "Docker CE on Ubuntu 22.04", "Developer Tools", "Alibaba Cloud Partner Labs",
            "Docker Engine and Compose preinstalled.", 0m, "Both", "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
            ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-hongkong", "ap-southeast-1", "us-west-1"], "27.1");
        w.AddMarketplaceProduct("cmjj00000004", "GitLab CE 17 on Alibaba Cloud Linux 3", "Developer Tools", "Bitnami-like Stacks",
            "GitLab Community Edition, subscription only.", 0.05m, "PrePaid", "aliyun_3_x64_20G_alibase_20250101.vhd", ["cn-shanghai"], "17.2");
        w.AddMarketplaceProduct("cmjj00000005", "Nginx on Alibaba Cloud Linux 3 (ARM)", "Web Stacks", "Websoft9",
            "Nginx for Arm instances.", 0m, "PostPaid", "aliyun_3_arm64_20G_alibase_20250101.vhd", ["cn-hangzhou", "cn-beijing"], "1.26");
    }

    /// <summary>
    /// The rest of the Marketplace (issue 12): products by Alibaba Cloud and by licensed ISVs in every category, with
    /// versions, architectures, billing models (free, hourly, subscription, BYOL), prices per instance size and regions
    /// where each is published — never all of them.
    /// </summary>
    private static void AddMarketplaceCatalogue(WorldBuilder w)
    {
        const string Al3 = "aliyun_3_x64_20G_alibase_20250101.vhd";
        const string Al3Arm = "aliyun_3_arm64_20G_alibase_20250101.vhd";
        const string Ubuntu22 = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
        const string Ubuntu24 = "ubuntu_24_04_x64_20G_alibase_20250101.vhd";
        const string Ubuntu22Arm = "ubuntu_22_04_arm64_20G_alibase_20240130.vhd";
        const string Debian12 = "debian_12_x64_20G_alibase_20250101.vhd";
        const string Rocky9 = "rockylinux_9_4_x64_20G_alibase_20250101.vhd";
        const string Win2022 = "win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd";
        string[] china = ["cn-hangzhou", "cn-shanghai", "cn-beijing"];
        string[] asia = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-hongkong", "ap-southeast-1"];
        string[] global = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-hongkong", "ap-southeast-1", "us-west-1", "eu-central-1"];
        string[] international = ["cn-hongkong", "ap-southeast-1", "us-west-1", "eu-central-1"];
        const string AlibabaCloud = "Alibaba Cloud";
        var os = MarketplaceCategories.OperatingSystems;
        var web = MarketplaceCategories.WebStacks;
        var dbs = MarketplaceCategories.Databases;
        var dev = MarketplaceCategories.DeveloperTools;
        var sec = MarketplaceCategories.Security;
        var ai = MarketplaceCategories.Ai;

        w.AddMarketplaceProduct("cmjj00000006", "Alibaba Cloud Linux 3 Hardened (CIS Level 1)", os, AlibabaCloud,
            "Alibaba Cloud Linux 3 hardened to the CIS Level 1 benchmark, kept current by Alibaba Cloud.", 0m, "Both", Al3, global, "3.2104.9",
            byAlibabaCloud: true, usageNotes: "Log on with SSH on port 22. The hardening report is in /root/cis-report.html.", olderVersions: ["3.2104.8"]);
        w.AddMarketplaceProduct("cmjj00000007", "Windows Server 2022 with SQL Server 2022 Standard", dbs, AlibabaCloud,
            "Licensed SQL Server 2022 Standard on Windows Server 2022 Datacenter.", 0.48m, "Both", Win2022, asia, "2022.16.0",
            byAlibabaCloud: true, usageNotes: "Connect with Remote Desktop on port 3389; SQL Server listens on 1433.",
            prices: [(2, 0.48m), (4, 0.96m), (8, 1.92m)]);
        w.AddMarketplaceProduct("cmjj00000008", "Rocky Linux 9 Enterprise Support", os, "CIQ",
            "Rocky Linux 9 with 24x7 enterprise support from CIQ.", 0.03m, "Both", Rocky9, ["cn-hongkong", "ap-southeast-1", "us-west-1"], "9.4",
            usageNotes: "Open a support case at the vendor with the instance ID.", olderVersions: ["9.3"]);
        w.AddMarketplaceProduct("cmjj00000009", "LEMP Stack (Nginx, MySQL 8, PHP 8.3)", web, "Websoft9",
            "Nginx, MySQL 8.0 and PHP-FPM 8.3 configured for production.", 0m, "Both", Ubuntu22, china, "8.3.4",
            usageNotes: "Open port 80 in the security group. The MySQL root password is in /credentials/password.txt.", olderVersions: ["8.2.10"]);
        w.AddMarketplaceProduct("cmjj00000010", "Node.js 20 LTS with PM2", web, "Websoft9",
            "Node.js 20 LTS, npm and the PM2 process manager.", 0m, "Both", Debian12, global, "20.15",
            usageNotes: "Applications go in /data/apps; `pm2 list` shows them.");
        w.AddMarketplaceProduct("cmjj00000011", "Tomcat 10 with OpenJDK 21", web, "Bitnami-like Stacks",
            "Apache Tomcat 10.1 on OpenJDK 21 (Dragonwell).", 0.01m, "Both", Al3, asia, "10.1.24",
            prices: [(1, 0.01m), (4, 0.02m), (8, 0.04m)]);
        w.AddMarketplaceProduct("cmjj00000012", "MySQL 8.0 Community Server", dbs, "Websoft9",
            "MySQL 8.0 Community with sensible defaults and daily backups to a local disk.", 0m, "Both", Ubuntu22, global, "8.0.37",
            usageNotes: "MySQL listens on 3306; allow it only from your VPC.", olderVersions: ["8.0.36"]);
        w.AddMarketplaceProduct("cmjj00000013", "PostgreSQL 16 with PostGIS", dbs, "Crunchy-like Data",
            "PostgreSQL 16 with PostGIS 3.4 and pgBackRest.", 0.04m, "Both", Debian12, china, "16.3",
            prices: [(2, 0.04m), (4, 0.08m), (8, 0.16m)]);
        w.AddMarketplaceProduct("cmjj00000014", "Redis 7 Stack", dbs, "Websoft9",
            "Redis 7 with RedisJSON and RediSearch modules.", 0m, "Both", Ubuntu24, asia, "7.2.5");
        w.AddMarketplaceProduct("cmjj00000015", "MongoDB 7 Enterprise (BYOL)", dbs, "Mongo-like Inc.",
            "MongoDB 7 Enterprise; bring your own licence from the vendor.", 0m, "Both", Ubuntu22, international, "7.0.12",
            model: MarketplaceBillingModel.Byol, usageNotes: "Enter your licence key in /etc/mongod-license.conf before starting mongod.");
        w.AddMarketplaceProduct("cmjj00000016", "Jenkins LTS", dev, "Websoft9",
            "Jenkins LTS with the recommended plug-ins.", 0m, "Both", Debian12, global, "2.462",
            usageNotes: "Open port 8080. The initial admin password is in /var/lib/jenkins/secrets/initialAdminPassword.");
        w.AddMarketplaceProduct("cmjj00000017", "GitLab EE 17 (Premium)", dev, "GitLab-like Inc.",
            "GitLab Enterprise Edition with a Premium licence, billed monthly.", 0.12m, "PrePaid", Al3, ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"], "17.2",
            model: MarketplaceBillingModel.Subscription, prices: [(4, 0.12m), (8, 0.24m)]);
        w.AddMarketplaceProduct("cmjj00000018", "Docker CE on Alibaba Cloud Linux 3 (ARM)", dev, AlibabaCloud,
            "Docker Engine for Arm instances (g8y, c8y).", 0m, "Both", Al3Arm, ["cn-hangzhou", "cn-beijing", "ap-southeast-1"], "27.1",
            byAlibabaCloud: true);
        w.AddMarketplaceProduct("cmjj00000019", "Kubernetes Node (kubeadm 1.30)", dev, AlibabaCloud,
            "A node image with containerd and kubeadm 1.30 preinstalled.", 0m, "Both", Al3, global, "1.30.2",
            byAlibabaCloud: true, olderVersions: ["1.29.6", "1.28.11"]);
        w.AddMarketplaceProduct("cmjj00000020", "Web Application Firewall Appliance", sec, "SecureEdge",
            "A reverse-proxy WAF with OWASP Core Rule Set 4.", 0.09m, "Both", Rocky9, asia, "4.3",
            prices: [(2, 0.09m), (4, 0.18m), (8, 0.36m)], usageNotes: "The management console is on port 8443.");
        w.AddMarketplaceProduct("cmjj00000021", "Next-Generation Firewall (Subscription)", sec, "FortiLike Networks",
            "A virtual NGFW with IPS and URL filtering, sold by the month or year.", 0.25m, "PrePaid", Rocky9, ["cn-hangzhou", "cn-hongkong", "ap-southeast-1"], "7.4.4",
            model: MarketplaceBillingModel.Subscription, prices: [(2, 0.25m), (4, 0.50m)]);
        w.AddMarketplaceProduct("cmjj00000022", "OpenVPN Access Server", sec, "OpenVPN-like Inc.",
            "OpenVPN Access Server; two connections free, more with a licence.", 0m, "Both", Ubuntu22, global, "2.13",
            model: MarketplaceBillingModel.Byol);
        w.AddMarketplaceProduct("cmjj00000023", "Vulnerability Scanner (Hourly)", sec, "ScanRight",
            "Agentless vulnerability scanning of the VPC.", 0.05m, "PostPaid", Debian12, china, "10.7",
            model: MarketplaceBillingModel.Hourly);
        w.AddMarketplaceProduct("cmjj00000024", "PyTorch 2.3 with CUDA 12 (Deep Learning)", ai, AlibabaCloud,
            "PyTorch 2.3, CUDA 12.1 and cuDNN for GPU instances.", 0m, "Both", Ubuntu22, asia, "2.3.1",
            byAlibabaCloud: true, usageNotes: "Activate with `conda activate pytorch`.", olderVersions: ["2.2.2"]);
        w.AddMarketplaceProduct("cmjj00000025", "Qwen 2 7B Inference Server", ai, AlibabaCloud,
            "Qwen2-7B-Instruct served by vLLM with an OpenAI-compatible API.", 0.20m, "Both", Ubuntu22, ["cn-hangzhou", "cn-beijing"], "2.0",
            byAlibabaCloud: true, prices: [(4, 0.20m), (8, 0.40m), (16, 0.80m)], usageNotes: "The API listens on port 8000.");
        w.AddMarketplaceProduct("cmjj00000026", "Stable Diffusion WebUI", ai, "ArtForge",
            "Stable Diffusion XL with the AUTOMATIC1111 web UI.", 0.15m, "Both", Ubuntu22, ["cn-hangzhou", "ap-southeast-1", "us-west-1"], "1.9.4",
            prices: [(4, 0.15m), (8, 0.30m)]);
        w.AddMarketplaceProduct("cmjj00000027", "JupyterHub for Teams (ARM)", ai, "DataLab",
            "JupyterHub with conda environments for Arm instances.", 0.02m, "Both", Ubuntu22Arm, ["cn-hangzhou", "cn-shanghai"], "5.0",
            prices: [(2, 0.02m), (8, 0.06m)]);
    }

    private static void AddAcme(WorldBuilder w)
    {
        const string region = "cn-hangzhou";
        var web = w.AddInstance(AcmeAccountId, region, "cn-hangzhou-h", "web-1", "ecs.g7.large", "aliyun_3_x64_20G_alibase_20250101.vhd",
            InstanceStatus.Running, systemDiskGiB: 40, dataDiskGiB: 100);
        var db = w.AddInstance(AcmeAccountId, region, "cn-hangzhou-i", "db-1", "ecs.r7.large", "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
            InstanceStatus.Stopped, systemDiskGiB: 60, dataDiskGiB: 200);

        w.AddKeyPair(AcmeAccountId, region, "acme-deploy");
        w.AddKeyPair(AcmeAccountId, "cn-shanghai", "acme-deploy");

        var webSystem = w.AddSnapshot(web.Disks[0], "web-1-system-base", w.Now.AddDays(-8), web.ImageId);
        var webData = w.AddSnapshot(web.Disks[1], "web-1-data-base", w.Now.AddDays(-8));
        w.AddSnapshot(db.Disks[0], "db-1-system-daily", w.Now.AddDays(-2), db.ImageId);
        var dbData = w.AddSnapshot(db.Disks[1], "db-1-data-daily", w.Now.AddDays(-2));

        // db-1's data disk and its daily snapshot are in Acme's "Test" group, so the consoles' Resource Group filter
        // (and DescribeDisks / DescribeSnapshots' ResourceGroupId) narrows a list; everything else is in the default group.
        var acmeTest = ResourceGroups.ResourceGroupRules.IdFor(AcmeAccountId, "test");
        db.Disks[1].ResourceGroupId = acmeTest;
        dbData.ResourceGroupId = acmeTest;

        w.AddCustomImage(AcmeAccountId, region, "acme-base-v1", web.ImageId, webSystem, [webData], family: "acme-base",
            description: "Acme web base image: Alibaba Cloud Linux 3 with the web stack");

        // A bucket with an image file, so Import Image can be tried at once.
        w.Db.OssBuckets.Add(new Storage.OssBucket { Name = "acme-images-hangzhou", RegionId = region, AccountId = AcmeAccountId, CreatedAt = w.Now.AddDays(-20) });
        w.Db.OssObjects.Add(new Storage.OssObject
        {
            BucketName = "acme-images-hangzhou", Key = "imports/web-base.qcow2", SizeBytes = 2L << 30, Format = "QCOW2", CreatedAt = w.Now.AddDays(-20),
        });
    }

    private static void AddGlobex(WorldBuilder w)
    {
        const string region = "cn-hangzhou";
        var tools = w.AddInstance(GlobexAccountId, region, "cn-hangzhou-j", "tools-1", "ecs.c7.large", "debian_12_x64_20G_alibase_20250101.vhd",
            InstanceStatus.Running, systemDiskGiB: 40);
        w.AddKeyPair(GlobexAccountId, region, "globex-ops");
        var snap = w.AddSnapshot(tools.Disks[0], "tools-1-system", w.Now.AddDays(-5), tools.ImageId);
        var shared = w.AddCustomImage(GlobexAccountId, region, "globex-shared-tools", tools.ImageId, snap, family: "globex-tools",
            description: "Globex build tools, shared with partners");
        w.Share(shared, AcmeAccountId);

        var nginxSnap = w.AddSnapshot(tools.Disks[0], "tools-1-nginx", w.Now.AddDays(-4), tools.ImageId);
        var community = w.AddCustomImage(GlobexAccountId, region, "globex-community-nginx", tools.ImageId, nginxSnap,
            description: "Nginx tuned by Globex, published for everyone");
        community.SetCommunity(true);
    }

    private static void AddInitech(WorldBuilder w)
    {
        var builder = w.AddInstance(InitechAccountId, "cn-hangzhou", "cn-hangzhou-k", "tps-builder", "ecs.g7.large", "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
            InstanceStatus.Stopped, systemDiskGiB: 40);
        var s1 = w.AddSnapshot(builder.Disks[0], "tps-builder-system", w.Now.AddDays(-10), builder.ImageId);
        w.AddCustomImage(InitechAccountId, "cn-hangzhou", "initech-tps-report-ubuntu", builder.ImageId, s1,
            description: "TPS report toolkit on Ubuntu 22.04").SetCommunity(true);
        var s2 = w.AddSnapshot(builder.Disks[0], "tps-builder-hardened", w.Now.AddDays(-9), builder.ImageId);
        w.AddCustomImage(InitechAccountId, "cn-hangzhou", "initech-hardened-ubuntu", builder.ImageId, s2, family: "initech-hardened",
            description: "CIS-hardened Ubuntu 22.04").SetCommunity(true);

        var agent = w.AddInstance(InitechAccountId, "cn-shanghai", "cn-shanghai-f", "build-agent", "ecs.g8y.large", "aliyun_3_arm64_20G_alibase_20250101.vhd",
            InstanceStatus.Running, systemDiskGiB: 40);
        var s3 = w.AddSnapshot(agent.Disks[0], "build-agent-system", w.Now.AddDays(-6), agent.ImageId);
        w.AddCustomImage(InitechAccountId, "cn-shanghai", "initech-build-agent-arm", agent.ImageId, s3,
            description: "CI build agent for Arm").SetCommunity(true);
    }

    /// <summary>
    /// Acme's Simple Application Servers (issue #10): two in cn-hangzhou, one in cn-shanghai, with snapshots, so a SAS
    /// custom image can be made at once (quota 3 × 3 = 9). No SAS custom image is seeded.
    /// </summary>
    private static void AddAcmeSimpleApplicationServers(WorldBuilder w)
    {
        var wordpress = w.AddSasServer(AcmeAccountId, "cn-hangzhou", "sas-wordpress-1", "2 vCPU · 2 GiB · 3 Mbps", "WordPress 6.5",
            "aliyun_3_x64_20G_alibase_20250101.vhd", systemDiskGiB: 40, dataDiskGiB: 20);
        w.AddSasSnapshot(wordpress, wordpress.Disks[0], "sas-wordpress-1-system", w.Now.AddDays(-3));
        w.AddSasSnapshot(wordpress, wordpress.Disks[1], "sas-wordpress-1-data", w.Now.AddDays(-3));

        var docker = w.AddSasServer(AcmeAccountId, "cn-hangzhou", "sas-docker-1", "2 vCPU · 1 GiB · 200 Mbps", "Docker 26",
            "ubuntu_22_04_x64_20G_alibase_20240130.vhd", systemDiskGiB: 40);
        w.AddSasSnapshot(docker, docker.Disks[0], "sas-docker-1-system", w.Now.AddDays(-1));

        var lamp = w.AddSasServer(AcmeAccountId, "cn-shanghai", "sas-lamp-1", "2 vCPU · 4 GiB · 5 Mbps", "LAMP 8.2",
            "debian_12_x64_20G_alibase_20250101.vhd", systemDiskGiB: 60, dataDiskGiB: 40);
        w.AddSasSnapshot(lamp, lamp.Disks[0], "sas-lamp-1-system", w.Now.AddDays(-2));
    }

    private static void MarkImagesInUse(WorldBuilder w)
    {
        var used = w.Db.ChangeTracker.Entries<Instance>().Select(e => (e.Entity.RegionId, e.Entity.ImageId)).ToHashSet();
        foreach (var image in w.Db.ChangeTracker.Entries<Image>().Select(e => e.Entity))
        {
            image.InUse = used.Contains((image.RegionId, image.Id));
        }
    }
}
