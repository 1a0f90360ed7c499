using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    IsPlatformAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AsyncTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResourceId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Cancellable = table.Column<bool>(type: "boolean", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ErrorCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ErrorMessage = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsyncTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UserEmail = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ResourceType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ResourceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ErrorCode = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImageComponents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    Patch = table.Column<int>(type: "integer", nullable: false),
                    ComponentType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SystemType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageComponents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImagePipelineExecutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PipelineId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ImageId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Message = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ErrorCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ErrorInfo = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ModifiedTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    TaskId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByUserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByEmail = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedBySource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BaseImageId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    InstanceTypeId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BuildSteps = table.Column<string>(type: "text", nullable: false),
                    TestSteps = table.Column<string>(type: "text", nullable: false),
                    ImageName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TransitInstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TestInstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    StepsDone = table.Column<int>(type: "integer", nullable: false),
                    PhaseTicks = table.Column<int>(type: "integer", nullable: false),
                    Copies = table.Column<string>(type: "text", nullable: false),
                    SourceShared = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Log = table.Column<string>(type: "text", nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImagePipelineExecutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImagePipelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    BaseImageType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BaseImage = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    BuildContent = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TestContent = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    InstanceType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SystemDiskSize = table.Column<int>(type: "integer", nullable: false),
                    InternetMaxBandwidthOut = table.Column<int>(type: "integer", nullable: false),
                    VSwitchId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DeleteInstanceOnFailure = table.Column<bool>(type: "boolean", nullable: false),
                    RepairMode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RepairItems = table.Column<string>(type: "text", nullable: false),
                    ImageName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImageFamily = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImageDescription = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    NvmeSupport = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImageTags = table.Column<string>(type: "text", nullable: false),
                    RetainCloudAssistant = table.Column<bool>(type: "boolean", nullable: false),
                    ImageNameSuffixDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    ToRegionIds = table.Column<string>(type: "text", nullable: false),
                    AddAccounts = table.Column<string>(type: "text", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    ComponentReferences = table.Column<string>(type: "text", nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImagePipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Images",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerAccountId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Family = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    ImageVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OsName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    OsType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Architecture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    BootMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NvmeSupport = table.Column<bool>(type: "boolean", nullable: false),
                    ImdsSupport = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    IsSupportCloudinit = table.Column<bool>(type: "boolean", nullable: false),
                    IsSupportIoOptimized = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsCopied = table.Column<bool>(type: "boolean", nullable: false),
                    InUse = table.Column<bool>(type: "boolean", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceInstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourceImageId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourceRegionId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LicenseType = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FeePerHour = table.Column<decimal>(type: "numeric", nullable: false),
                    ProductCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SupplierName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    EndOfLife = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Images", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ImageShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageShares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImageUpdateRuns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SourceImageId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    InstanceTypeId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TargetImageName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CommandType = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CommandContent = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImageId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ErrorCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ErrorInfo = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Ticks = table.Column<int>(type: "integer", nullable: false),
                    ModifiedTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TaskId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByUserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByEmail = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StartedByRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedBySource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageUpdateRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InstanceTypes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Family = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Vcpu = table.Column<int>(type: "integer", nullable: false),
                    MemoryGiB = table.Column<decimal>(type: "numeric", nullable: false),
                    Architecture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NvmeOnly = table.Column<bool>(type: "boolean", nullable: false),
                    UefiOnly = table.Column<bool>(type: "boolean", nullable: false),
                    BiosOnly = table.Column<bool>(type: "boolean", nullable: false),
                    IoOptimized = table.Column<bool>(type: "boolean", nullable: false),
                    PricePerHour = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyPairs",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    FingerPrint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPairs", x => new { x.AccountId, x.RegionId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "MarketplaceProducts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Supplier = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    ByAlibabaCloud = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UsageNotes = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    BillingModel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeePerHour = table.Column<decimal>(type: "numeric", nullable: false),
                    BillingMethods = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketplaceProducts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "MarketplaceSubscriptions",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProductCode = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Plan = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubscribedBy = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketplaceSubscriptions", x => new { x.AccountId, x.ProductCode, x.RegionId });
                });

            migrationBuilder.CreateTable(
                name: "OssBuckets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OssBuckets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "QuotaRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    QuotaName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CurrentLimit = table.Column<int>(type: "integer", nullable: false),
                    RequestedLimit = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    RequestedBy = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Quotas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Limit = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Infix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasImages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    SourceServerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SystemSnapshotId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    DataSnapshotId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    DataDiskSizeGiB = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    SharedToEcs = table.Column<bool>(type: "boolean", nullable: false),
                    SourceImageId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    SourceRegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OsName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    OsType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Architecture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BootMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NvmeSupport = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasServers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Plan = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ImageName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpiredTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OsName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    OsType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Architecture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BootMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NvmeSupport = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasServers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SasSnapshots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ServerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    DiskId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    DiskType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimulationClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    OffsetTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulationClock", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimulationFaults",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    TaskType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Code = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    HttpStatus = table.Column<int>(type: "integer", nullable: false),
                    Remaining = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulationFaults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    SourceDiskId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SourceDiskType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    SourceDiskSizeGiB = table.Column<int>(type: "integer", nullable: false),
                    SourceInstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    SnapshotType = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    SourceArchitecture = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourcePlatform = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProtectedSecret = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessKeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountMemberships",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(16)", nullable: false, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountMemberships", x => new { x.AccountId, x.UserId });
                    table.ForeignKey(
                        name: "FK_AccountMemberships_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccountMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuthSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImageDiskMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImageKey = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Device = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SnapshotId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    ImportOssBucket = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImportOssObject = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageDiskMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImageDiskMappings_Images_ImageKey",
                        column: x => x.ImageKey,
                        principalTable: "Images",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImageTags",
                columns: table => new
                {
                    ImageKey = table.Column<int>(type: "integer", nullable: false),
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageTags", x => new { x.ImageKey, x.TagKey });
                    table.ForeignKey(
                        name: "FK_ImageTags_Images_ImageKey",
                        column: x => x.ImageKey,
                        principalTable: "Images",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ZoneId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    InstanceTypeId = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C"),
                    ImageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChargeType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeriodMonths = table.Column<int>(type: "integer", nullable: true),
                    KeyPairName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PasswordSet = table.Column<bool>(type: "boolean", nullable: false),
                    DeletionProtection = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiredTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrivateIpAddress = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instances_InstanceTypes_InstanceTypeId",
                        column: x => x.InstanceTypeId,
                        principalTable: "InstanceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketplacePrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductCode = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    MinVcpu = table.Column<int>(type: "integer", nullable: false),
                    FeePerHour = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketplacePrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketplacePrices_MarketplaceProducts_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "MarketplaceProducts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OssObjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BucketName = table.Column<string>(type: "character varying(63)", nullable: false, collation: "C"),
                    Key = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceImageId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OssObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OssObjects_OssBuckets_BucketName",
                        column: x => x.BucketName,
                        principalTable: "OssBuckets",
                        principalColumn: "Name",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Zones",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Zones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Zones_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SasDisks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ServerId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    Type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SasDisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SasDisks_SasServers_ServerId",
                        column: x => x.ServerId,
                        principalTable: "SasServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Disks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ZoneId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    InstanceId = table.Column<string>(type: "character varying(32)", nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SizeGiB = table.Column<int>(type: "integer", nullable: false),
                    Device = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ImageId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourceSnapshotId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    DeleteWithInstance = table.Column<bool>(type: "boolean", nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disks_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InstanceTypeZones",
                columns: table => new
                {
                    InstanceTypeId = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C"),
                    ZoneId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceTypeZones", x => new { x.InstanceTypeId, x.ZoneId });
                    table.ForeignKey(
                        name: "FK_InstanceTypeZones_InstanceTypes_InstanceTypeId",
                        column: x => x.InstanceTypeId,
                        principalTable: "InstanceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InstanceTypeZones_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_UserId",
                table: "AccessKeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountMemberships_UserId",
                table: "AccountMemberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AsyncTasks_AccountId_RegionId",
                table: "AsyncTasks",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AsyncTasks_Status_DueAt",
                table: "AsyncTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_Time",
                table: "AuditEntries",
                columns: new[] { "AccountId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_UserId",
                table: "AuthSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Disks_AccountId_RegionId",
                table: "Disks",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Disks_InstanceId",
                table: "Disks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ImageComponents_AccountId_RegionId_Name_Major_Minor_Patch",
                table: "ImageComponents",
                columns: new[] { "AccountId", "RegionId", "Name", "Major", "Minor", "Patch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImageDiskMappings_ImageKey",
                table: "ImageDiskMappings",
                column: "ImageKey");

            migrationBuilder.CreateIndex(
                name: "IX_ImageDiskMappings_SnapshotId",
                table: "ImageDiskMappings",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ImagePipelineExecutions_AccountId_RegionId_PipelineId_Creat~",
                table: "ImagePipelineExecutions",
                columns: new[] { "AccountId", "RegionId", "PipelineId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ImagePipelines_AccountId_RegionId_CreationTime",
                table: "ImagePipelines",
                columns: new[] { "AccountId", "RegionId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Community",
                table: "Images",
                columns: new[] { "RegionId", "IsPublic", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerByName",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "Name", "Key", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerByTime",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "CreationTime", "Key", "Kind", "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_OwnerCount",
                table: "Images",
                columns: new[] { "OwnerAccountId", "RegionId", "Kind", "Status", "OsType", "Architecture", "Family" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Catalogue_Platform",
                table: "Images",
                columns: new[] { "RegionId", "Kind", "Status", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Images_Id",
                table: "Images",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Images_RegionId_Id",
                table: "Images",
                columns: new[] { "RegionId", "Id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Images_SourceImageId",
                table: "Images",
                column: "SourceImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ImageShares_AccountId_RegionId",
                table: "ImageShares",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImageShares_RegionId_ImageId_AccountId",
                table: "ImageShares",
                columns: new[] { "RegionId", "ImageId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImageUpdateRuns_AccountId_RegionId_CreationTime",
                table: "ImageUpdateRuns",
                columns: new[] { "AccountId", "RegionId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_AccountId_RegionId",
                table: "Instances",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ImageId",
                table: "Instances",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_InstanceTypeId",
                table: "Instances",
                column: "InstanceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceTypeZones_ZoneId",
                table: "InstanceTypeZones",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketplacePrices_ProductCode",
                table: "MarketplacePrices",
                column: "ProductCode");

            migrationBuilder.CreateIndex(
                name: "IX_OssBuckets_AccountId_RegionId",
                table: "OssBuckets",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_OssObjects_BucketName_Key",
                table: "OssObjects",
                columns: new[] { "BucketName", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuotaRequests_AccountId_Status",
                table: "QuotaRequests",
                columns: new[] { "AccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotas_AccountId_RegionId_Name",
                table: "Quotas",
                columns: new[] { "AccountId", "RegionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Infix",
                table: "Regions",
                column: "Infix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SasDisks_ServerId",
                table: "SasDisks",
                column: "ServerId");

            migrationBuilder.CreateIndex(
                name: "IX_SasImages_AccountId_RegionId",
                table: "SasImages",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SasImages_SourceServerId",
                table: "SasImages",
                column: "SourceServerId");

            migrationBuilder.CreateIndex(
                name: "IX_SasServers_AccountId_RegionId",
                table: "SasServers",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SasSnapshots_ServerId",
                table: "SasSnapshots",
                column: "ServerId");

            migrationBuilder.CreateIndex(
                name: "IX_SimulationFaults_Kind_Action",
                table: "SimulationFaults",
                columns: new[] { "Kind", "Action" });

            migrationBuilder.CreateIndex(
                name: "IX_SimulationFaults_Kind_TaskType",
                table: "SimulationFaults",
                columns: new[] { "Kind", "TaskType" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_AccountId_RegionId",
                table: "Snapshots",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_SourceDiskId",
                table: "Snapshots",
                column: "SourceDiskId");

            migrationBuilder.CreateIndex(
                name: "IX_Zones_RegionId",
                table: "Zones",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessKeys");

            migrationBuilder.DropTable(
                name: "AccountMemberships");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AsyncTasks");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuthSessions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Disks");

            migrationBuilder.DropTable(
                name: "ImageComponents");

            migrationBuilder.DropTable(
                name: "ImageDiskMappings");

            migrationBuilder.DropTable(
                name: "ImagePipelineExecutions");

            migrationBuilder.DropTable(
                name: "ImagePipelines");

            migrationBuilder.DropTable(
                name: "ImageShares");

            migrationBuilder.DropTable(
                name: "ImageTags");

            migrationBuilder.DropTable(
                name: "ImageUpdateRuns");

            migrationBuilder.DropTable(
                name: "InstanceTypeZones");

            migrationBuilder.DropTable(
                name: "KeyPairs");

            migrationBuilder.DropTable(
                name: "MarketplacePrices");

            migrationBuilder.DropTable(
                name: "MarketplaceSubscriptions");

            migrationBuilder.DropTable(
                name: "OssObjects");

            migrationBuilder.DropTable(
                name: "QuotaRequests");

            migrationBuilder.DropTable(
                name: "Quotas");

            migrationBuilder.DropTable(
                name: "SasDisks");

            migrationBuilder.DropTable(
                name: "SasImages");

            migrationBuilder.DropTable(
                name: "SasSnapshots");

            migrationBuilder.DropTable(
                name: "SimulationClock");

            migrationBuilder.DropTable(
                name: "SimulationFaults");

            migrationBuilder.DropTable(
                name: "Snapshots");

            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "Images");

            migrationBuilder.DropTable(
                name: "Zones");

            migrationBuilder.DropTable(
                name: "MarketplaceProducts");

            migrationBuilder.DropTable(
                name: "OssBuckets");

            migrationBuilder.DropTable(
                name: "SasServers");

            migrationBuilder.DropTable(
                name: "InstanceTypes");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
