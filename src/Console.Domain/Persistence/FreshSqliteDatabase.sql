CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "IsPlatformAdmin" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AsyncTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AsyncTasks" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "Cancellable" INTEGER NOT NULL,
    "Payload" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NULL,
    "DueAt" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" INTEGER NULL,
    "ErrorCode" TEXT NULL,
    "ErrorMessage" TEXT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "Time" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "UserEmail" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ResourceType" TEXT NOT NULL,
    "ResourceId" TEXT NULL,
    "RegionId" TEXT NULL,
    "ErrorCode" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Images" (
    "Key" INTEGER NOT NULL CONSTRAINT "PK_Images" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NULL,
    "RegionId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OwnerAccountId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Family" TEXT NULL,
    "ImageVersion" TEXT NULL,
    "OsName" TEXT NOT NULL,
    "OsType" TEXT NOT NULL,
    "Platform" TEXT NOT NULL,
    "Architecture" TEXT NOT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "BootMode" TEXT NOT NULL,
    "NvmeSupport" INTEGER NOT NULL,
    "ImdsSupport" TEXT NOT NULL,
    "IsSupportCloudinit" INTEGER NOT NULL,
    "IsSupportIoOptimized" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "IsCopied" INTEGER NOT NULL,
    "InUse" INTEGER NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceInstanceId" TEXT NULL,
    "SourceImageId" TEXT NULL,
    "SourceRegionId" TEXT NULL,
    "LicenseType" TEXT NOT NULL,
    "FeePerHour" REAL NOT NULL,
    "ProductCode" TEXT NULL,
    "SupplierName" TEXT NULL,
    "Encrypted" INTEGER NOT NULL,
    "EndOfLife" INTEGER NOT NULL
);

CREATE TABLE "ImageShares" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImageShares" PRIMARY KEY AUTOINCREMENT,
    "ImageId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "SharedAt" INTEGER NOT NULL
);

CREATE TABLE "InstanceTypes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InstanceTypes" PRIMARY KEY,
    "Family" TEXT NOT NULL,
    "Vcpu" INTEGER NOT NULL,
    "MemoryGiB" REAL NOT NULL,
    "Architecture" TEXT NOT NULL,
    "NvmeOnly" INTEGER NOT NULL,
    "UefiOnly" INTEGER NOT NULL,
    "BiosOnly" INTEGER NOT NULL,
    "IoOptimized" INTEGER NOT NULL,
    "PricePerHour" REAL NOT NULL
);

CREATE TABLE "MarketplaceProducts" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_MarketplaceProducts" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Supplier" TEXT NOT NULL,
    "Description" TEXT NULL,
    "FeePerHour" REAL NOT NULL,
    "BillingMethods" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "MarketplaceSubscriptions" (
    "AccountId" TEXT NOT NULL,
    "ProductCode" TEXT NOT NULL,
    "SubscribedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_MarketplaceSubscriptions" PRIMARY KEY ("AccountId", "ProductCode")
);

CREATE TABLE "Quotas" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Quotas" PRIMARY KEY AUTOINCREMENT,
    "AccountId" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Limit" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "Regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Infix" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "Snapshots" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Snapshots" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "SourceDiskId" TEXT NOT NULL,
    "SourceDiskType" TEXT NOT NULL,
    "SourceDiskSizeGiB" INTEGER NOT NULL,
    "SourceInstanceId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "SnapshotType" TEXT NOT NULL,
    "Encrypted" INTEGER NOT NULL,
    "SourceArchitecture" TEXT NULL,
    "SourcePlatform" TEXT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AccessKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AccessKeys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ProtectedSecret" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AccessKeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AccountMemberships" (
    "AccountId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "JoinedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_AccountMemberships" PRIMARY KEY ("AccountId", "UserId"),
    CONSTRAINT "FK_AccountMemberships_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AccountMemberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserPasskeys" (
    "CredentialId" BLOB NOT NULL CONSTRAINT "PK_AspNetUserPasskeys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    CONSTRAINT "FK_AspNetUserPasskeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ImageDiskMappings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImageDiskMappings" PRIMARY KEY AUTOINCREMENT,
    "ImageKey" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "Device" TEXT NOT NULL,
    "SnapshotId" TEXT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "Format" TEXT NOT NULL,
    "Encrypted" INTEGER NOT NULL,
    "ImportOssBucket" TEXT NULL,
    "ImportOssObject" TEXT NULL,
    CONSTRAINT "FK_ImageDiskMappings_Images_ImageKey" FOREIGN KEY ("ImageKey") REFERENCES "Images" ("Key") ON DELETE CASCADE
);

CREATE TABLE "ImageTags" (
    "ImageKey" INTEGER NOT NULL,
    "TagKey" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_ImageTags" PRIMARY KEY ("ImageKey", "TagKey"),
    CONSTRAINT "FK_ImageTags_Images_ImageKey" FOREIGN KEY ("ImageKey") REFERENCES "Images" ("Key") ON DELETE CASCADE
);

CREATE TABLE "Instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Instances" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "ZoneId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "InstanceTypeId" TEXT NOT NULL,
    "ImageId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ChargeType" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    "ExpiredTime" INTEGER NULL,
    "PrivateIpAddress" TEXT NULL,
    CONSTRAINT "FK_Instances_InstanceTypes_InstanceTypeId" FOREIGN KEY ("InstanceTypeId") REFERENCES "InstanceTypes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Zones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Zones" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Zones_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Disks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Disks" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "ZoneId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "Device" TEXT NOT NULL,
    "ImageId" TEXT NULL,
    "SourceSnapshotId" TEXT NULL,
    "Encrypted" INTEGER NOT NULL,
    "DeleteWithInstance" INTEGER NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    CONSTRAINT "FK_Disks_Instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "Instances" ("Id") ON DELETE SET NULL
);

CREATE TABLE "InstanceTypeZones" (
    "InstanceTypeId" TEXT NOT NULL,
    "ZoneId" TEXT NOT NULL,
    CONSTRAINT "PK_InstanceTypeZones" PRIMARY KEY ("InstanceTypeId", "ZoneId"),
    CONSTRAINT "FK_InstanceTypeZones_InstanceTypes_InstanceTypeId" FOREIGN KEY ("InstanceTypeId") REFERENCES "InstanceTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_InstanceTypeZones_Zones_ZoneId" FOREIGN KEY ("ZoneId") REFERENCES "Zones" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AccessKeys_UserId" ON "AccessKeys" ("UserId");

CREATE INDEX "IX_AccountMemberships_UserId" ON "AccountMemberships" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserPasskeys_UserId" ON "AspNetUserPasskeys" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AsyncTasks_AccountId_RegionId" ON "AsyncTasks" ("AccountId", "RegionId");

CREATE INDEX "IX_AsyncTasks_Status_DueAt" ON "AsyncTasks" ("Status", "DueAt");

CREATE INDEX "IX_AuditEntries_AccountId_Time" ON "AuditEntries" ("AccountId", "Time");

CREATE INDEX "IX_Disks_AccountId_RegionId" ON "Disks" ("AccountId", "RegionId");

CREATE INDEX "IX_Disks_InstanceId" ON "Disks" ("InstanceId");

CREATE INDEX "IX_ImageDiskMappings_ImageKey" ON "ImageDiskMappings" ("ImageKey");

CREATE INDEX "IX_ImageDiskMappings_SnapshotId" ON "ImageDiskMappings" ("SnapshotId");

CREATE INDEX "IX_Images_Id" ON "Images" ("Id");

CREATE INDEX "IX_Images_OwnerAccountId_RegionId" ON "Images" ("OwnerAccountId", "RegionId");

CREATE UNIQUE INDEX "IX_Images_RegionId_Id" ON "Images" ("RegionId", "Id");

CREATE INDEX "IX_Images_RegionId_Kind_Status" ON "Images" ("RegionId", "Kind", "Status");

CREATE INDEX "IX_ImageShares_AccountId_RegionId" ON "ImageShares" ("AccountId", "RegionId");

CREATE UNIQUE INDEX "IX_ImageShares_RegionId_ImageId_AccountId" ON "ImageShares" ("RegionId", "ImageId", "AccountId");

CREATE INDEX "IX_Instances_AccountId_RegionId" ON "Instances" ("AccountId", "RegionId");

CREATE INDEX "IX_Instances_ImageId" ON "Instances" ("ImageId");

CREATE INDEX "IX_Instances_InstanceTypeId" ON "Instances" ("InstanceTypeId");

CREATE INDEX "IX_InstanceTypeZones_ZoneId" ON "InstanceTypeZones" ("ZoneId");

CREATE UNIQUE INDEX "IX_Quotas_AccountId_RegionId_Name" ON "Quotas" ("AccountId", "RegionId", "Name");

CREATE UNIQUE INDEX "IX_Regions_Infix" ON "Regions" ("Infix");

CREATE INDEX "IX_Snapshots_AccountId_RegionId" ON "Snapshots" ("AccountId", "RegionId");

CREATE INDEX "IX_Snapshots_SourceDiskId" ON "Snapshots" ("SourceDiskId");

CREATE INDEX "IX_Zones_RegionId" ON "Zones" ("RegionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123200045_InitialCreate', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Images_OwnerAccountId_RegionId";

DROP INDEX "IX_Images_RegionId_Kind_Status";

CREATE INDEX "IX_Images_Catalogue_Community" ON "Images" ("RegionId", "IsPublic", "CreationTime");

CREATE INDEX "IX_Images_Catalogue_OwnerByName" ON "Images" ("OwnerAccountId", "RegionId", "Name", "Key", "Kind", "Status");

CREATE INDEX "IX_Images_Catalogue_OwnerByTime" ON "Images" ("OwnerAccountId", "RegionId", "CreationTime", "Key", "Kind", "Status", "Name", "Id");

CREATE INDEX "IX_Images_Catalogue_OwnerCount" ON "Images" ("OwnerAccountId", "RegionId", "Kind", "Status", "OsType", "Architecture", "Family");

CREATE INDEX "IX_Images_Catalogue_Platform" ON "Images" ("RegionId", "Kind", "Status", "CreationTime");

CREATE INDEX "IX_Images_SourceImageId" ON "Images" ("SourceImageId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123202735_CatalogueIndexes', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OssBuckets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_OssBuckets" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "OssObjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OssObjects" PRIMARY KEY AUTOINCREMENT,
    "BucketName" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SourceImageId" TEXT NULL,
    "Format" TEXT NULL,
    CONSTRAINT "FK_OssObjects_OssBuckets_BucketName" FOREIGN KEY ("BucketName") REFERENCES "OssBuckets" ("Name") ON DELETE RESTRICT
);

CREATE INDEX "IX_OssBuckets_AccountId_RegionId" ON "OssBuckets" ("AccountId", "RegionId");

CREATE UNIQUE INDEX "IX_OssObjects_BucketName_Key" ON "OssObjects" ("BucketName", "Key");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123212325_OssStorage', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "QuotaRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuotaRequests" PRIMARY KEY AUTOINCREMENT,
    "AccountId" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "QuotaName" TEXT NOT NULL,
    "CurrentLimit" INTEGER NOT NULL,
    "RequestedLimit" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" INTEGER NULL
);

CREATE INDEX "IX_QuotaRequests_AccountId_Status" ON "QuotaRequests" ("AccountId", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123213345_QuotaRequests', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Instances" ADD "DeletionProtection" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Instances" ADD "KeyPairName" TEXT NULL;

ALTER TABLE "Instances" ADD "PasswordSet" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Instances" ADD "PeriodMonths" INTEGER NULL;

CREATE TABLE "KeyPairs" (
    "AccountId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "FingerPrint" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    CONSTRAINT "PK_KeyPairs" PRIMARY KEY ("AccountId", "RegionId", "Name")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123224255_InstancesAndKeyPairs', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "MarketplaceSubscriptions" ADD "RegionId" TEXT NOT NULL DEFAULT '';

ALTER TABLE "MarketplaceSubscriptions" ADD "Plan" TEXT NOT NULL DEFAULT '';

ALTER TABLE "MarketplaceSubscriptions" ADD "SubscribedBy" TEXT NULL;

ALTER TABLE "MarketplaceProducts" ADD "BillingModel" TEXT NOT NULL DEFAULT '';

ALTER TABLE "MarketplaceProducts" ADD "ByAlibabaCloud" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "MarketplaceProducts" ADD "UsageNotes" TEXT NULL;

ALTER TABLE "MarketplaceProducts" ADD "WithdrawnAt" INTEGER NULL;

CREATE TABLE "MarketplacePrices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MarketplacePrices" PRIMARY KEY AUTOINCREMENT,
    "ProductCode" TEXT NOT NULL,
    "MinVcpu" INTEGER NOT NULL,
    "FeePerHour" REAL NOT NULL,
    CONSTRAINT "FK_MarketplacePrices_MarketplaceProducts_ProductCode" FOREIGN KEY ("ProductCode") REFERENCES "MarketplaceProducts" ("Code") ON DELETE CASCADE
);

CREATE INDEX "IX_MarketplacePrices_ProductCode" ON "MarketplacePrices" ("ProductCode");

CREATE TABLE "ef_temp_MarketplaceSubscriptions" (
    "AccountId" TEXT NOT NULL,
    "ProductCode" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Plan" TEXT NOT NULL,
    "SubscribedAt" INTEGER NOT NULL,
    "SubscribedBy" TEXT NULL,
    CONSTRAINT "PK_MarketplaceSubscriptions" PRIMARY KEY ("AccountId", "ProductCode", "RegionId")
);

INSERT INTO "ef_temp_MarketplaceSubscriptions" ("AccountId", "ProductCode", "RegionId", "Plan", "SubscribedAt", "SubscribedBy")
SELECT "AccountId", "ProductCode", "RegionId", "Plan", "SubscribedAt", "SubscribedBy"
FROM "MarketplaceSubscriptions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "MarketplaceSubscriptions";

ALTER TABLE "ef_temp_MarketplaceSubscriptions" RENAME TO "MarketplaceSubscriptions";

COMMIT;

PRAGMA foreign_keys = 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123230430_MarketplaceCatalogue', '10.0.14');

BEGIN TRANSACTION;
CREATE TABLE "SasImages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SasImages" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "SourceServerId" TEXT NOT NULL,
    "SystemSnapshotId" TEXT NOT NULL,
    "DataSnapshotId" TEXT NULL,
    "OsName" TEXT NOT NULL,
    "OsType" TEXT NOT NULL,
    "Platform" TEXT NOT NULL,
    "Architecture" TEXT NOT NULL,
    "BootMode" TEXT NOT NULL,
    "NvmeSupport" INTEGER NOT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "DataDiskSizeGiB" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "SharedToEcs" INTEGER NOT NULL,
    "SourceImageId" TEXT NULL,
    "SourceRegionId" TEXT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "SasServers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SasServers" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Plan" TEXT NOT NULL,
    "ImageName" TEXT NOT NULL,
    "OsName" TEXT NOT NULL,
    "OsType" TEXT NOT NULL,
    "Platform" TEXT NOT NULL,
    "Architecture" TEXT NOT NULL,
    "BootMode" TEXT NOT NULL,
    "NvmeSupport" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    "ExpiredTime" INTEGER NOT NULL
);

CREATE TABLE "SasSnapshots" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SasSnapshots" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "ServerId" TEXT NOT NULL,
    "DiskId" TEXT NOT NULL,
    "DiskType" TEXT NOT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "SasDisks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SasDisks" PRIMARY KEY,
    "ServerId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "SizeGiB" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    CONSTRAINT "FK_SasDisks_SasServers_ServerId" FOREIGN KEY ("ServerId") REFERENCES "SasServers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SasDisks_ServerId" ON "SasDisks" ("ServerId");

CREATE INDEX "IX_SasImages_AccountId_RegionId" ON "SasImages" ("AccountId", "RegionId");

CREATE INDEX "IX_SasImages_SourceServerId" ON "SasImages" ("SourceServerId");

CREATE INDEX "IX_SasServers_AccountId_RegionId" ON "SasServers" ("AccountId", "RegionId");

CREATE INDEX "IX_SasSnapshots_ServerId" ON "SasSnapshots" ("ServerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123232010_SimpleApplicationServer', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ImageComponents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImageComponents" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Major" INTEGER NOT NULL,
    "Minor" INTEGER NOT NULL,
    "Patch" INTEGER NOT NULL,
    "ComponentType" TEXT NOT NULL,
    "SystemType" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Parameters" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "ImagePipelineExecutions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImagePipelineExecutions" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "PipelineId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ImageId" TEXT NULL,
    "Message" TEXT NOT NULL,
    "ErrorCode" TEXT NULL,
    "ErrorInfo" TEXT NULL,
    "CreationTime" INTEGER NOT NULL,
    "ModifiedTime" INTEGER NOT NULL,
    "Tags" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "StartedByEmail" TEXT NOT NULL,
    "StartedByRole" TEXT NOT NULL,
    "StartedBySource" TEXT NOT NULL,
    "BaseImageId" TEXT NOT NULL,
    "InstanceTypeId" TEXT NOT NULL,
    "BuildSteps" TEXT NOT NULL,
    "TestSteps" TEXT NOT NULL,
    "ImageName" TEXT NOT NULL,
    "TransitInstanceId" TEXT NULL,
    "TestInstanceId" TEXT NULL,
    "StepsDone" INTEGER NOT NULL,
    "PhaseTicks" INTEGER NOT NULL,
    "Copies" TEXT NOT NULL,
    "SourceShared" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    "Log" TEXT NOT NULL
);

CREATE TABLE "ImagePipelines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImagePipelines" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "BaseImageType" TEXT NOT NULL,
    "BaseImage" TEXT NULL,
    "BuildContent" TEXT NULL,
    "TestContent" TEXT NULL,
    "InstanceType" TEXT NULL,
    "SystemDiskSize" INTEGER NOT NULL,
    "InternetMaxBandwidthOut" INTEGER NOT NULL,
    "VSwitchId" TEXT NULL,
    "DeleteInstanceOnFailure" INTEGER NOT NULL,
    "RepairMode" TEXT NULL,
    "RepairItems" TEXT NOT NULL,
    "ImageName" TEXT NULL,
    "ImageFamily" TEXT NULL,
    "ImageDescription" TEXT NULL,
    "NvmeSupport" TEXT NULL,
    "ImageTags" TEXT NOT NULL,
    "RetainCloudAssistant" INTEGER NOT NULL,
    "ImageNameSuffixDisabled" INTEGER NOT NULL,
    "ToRegionIds" TEXT NOT NULL,
    "AddAccounts" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "ComponentReferences" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "ImageUpdateRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImageUpdateRuns" PRIMARY KEY,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "SourceImageId" TEXT NOT NULL,
    "InstanceTypeId" TEXT NOT NULL,
    "TargetImageName" TEXT NOT NULL,
    "CommandType" TEXT NOT NULL,
    "CommandContent" TEXT NOT NULL,
    "TimeoutSeconds" INTEGER NOT NULL,
    "Tags" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Steps" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "ImageId" TEXT NULL,
    "ErrorCode" TEXT NULL,
    "ErrorInfo" TEXT NULL,
    "CancelRequested" INTEGER NOT NULL,
    "Ticks" INTEGER NOT NULL,
    "CreationTime" INTEGER NOT NULL,
    "ModifiedTime" INTEGER NOT NULL,
    "TaskId" TEXT NOT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "StartedByEmail" TEXT NOT NULL,
    "StartedByRole" TEXT NOT NULL,
    "StartedBySource" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ImageComponents_AccountId_RegionId_Name_Major_Minor_Patch" ON "ImageComponents" ("AccountId", "RegionId", "Name", "Major", "Minor", "Patch");

CREATE INDEX "IX_ImagePipelineExecutions_AccountId_RegionId_PipelineId_CreationTime" ON "ImagePipelineExecutions" ("AccountId", "RegionId", "PipelineId", "CreationTime");

CREATE INDEX "IX_ImagePipelines_AccountId_RegionId_CreationTime" ON "ImagePipelines" ("AccountId", "RegionId", "CreationTime");

CREATE INDEX "IX_ImageUpdateRuns_AccountId_RegionId_CreationTime" ON "ImageUpdateRuns" ("AccountId", "RegionId", "CreationTime");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201185250_ImageBuilder', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuthSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuthSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Ticket" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AuthSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuthSessions_UserId" ON "AuthSessions" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204155624_AuthSessions', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
UPDATE "AspNetUsers" SET "EmailConfirmed" = 1 WHERE "EmailConfirmed" = 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204160846_ConfirmEarlierSignUps', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SimulationClock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SimulationClock" PRIMARY KEY,
    "OffsetTicks" INTEGER NOT NULL
);

CREATE TABLE "SimulationFaults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SimulationFaults" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Action" TEXT NULL,
    "TaskType" TEXT NULL,
    "Code" TEXT NOT NULL,
    "HttpStatus" INTEGER NOT NULL,
    "Remaining" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_SimulationFaults_Kind_Action" ON "SimulationFaults" ("Kind", "Action");

CREATE INDEX "IX_SimulationFaults_Kind_TaskType" ON "SimulationFaults" ("Kind", "TaskType");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204221857_SimulationControl', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ApiCalls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiCalls" PRIMARY KEY AUTOINCREMENT,
    "RequestId" TEXT NOT NULL,
    "Time" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "UserId" TEXT NOT NULL,
    "UserEmail" TEXT NOT NULL,
    "AccessKeyId" TEXT NOT NULL,
    "HttpStatus" INTEGER NOT NULL,
    "ErrorCode" TEXT NULL,
    "DurationMs" REAL NOT NULL,
    "Parameters" TEXT NOT NULL
);

CREATE INDEX "IX_ApiCalls_AccountId_Id" ON "ApiCalls" ("AccountId", "Id");

CREATE INDEX "IX_ApiCalls_RequestId" ON "ApiCalls" ("RequestId");

CREATE INDEX "IX_ApiCalls_Time" ON "ApiCalls" ("Time");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205002555_ApiCallLogRecords', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SignatureNonces" (
    "AccessKeyId" TEXT NOT NULL,
    "NonceHash" TEXT NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    CONSTRAINT "PK_SignatureNonces" PRIMARY KEY ("AccessKeyId", "NonceHash")
);

CREATE INDEX "IX_SignatureNonces_ExpiresAt" ON "SignatureNonces" ("ExpiresAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205004346_SignatureNonces', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "KeyPairs" ADD "KeyPairId" TEXT NULL;

ALTER TABLE "KeyPairs" ADD "PublicKey" TEXT NOT NULL DEFAULT '';

CREATE TABLE "KeyPairTags" (
    "TagKey" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "KeyPairName" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_KeyPairTags" PRIMARY KEY ("AccountId", "RegionId", "KeyPairName", "TagKey"),
    CONSTRAINT "FK_KeyPairTags_KeyPairs_AccountId_RegionId_KeyPairName" FOREIGN KEY ("AccountId", "RegionId", "KeyPairName") REFERENCES "KeyPairs" ("AccountId", "RegionId", "Name") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205050905_KeyPairPublicKeysAndTags', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ClientTokenClaims" (
    "AccountId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "ClaimId" TEXT NOT NULL,
    "ClaimedAt" INTEGER NOT NULL,
    "HttpStatus" INTEGER NULL,
    "Answer" TEXT NULL,
    CONSTRAINT "PK_ClientTokenClaims" PRIMARY KEY ("AccountId", "Action", "Token")
);

CREATE INDEX "IX_ClientTokenClaims_ClaimedAt" ON "ClientTokenClaims" ("ClaimedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205075440_ClientTokenClaims', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "DarkTheme" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205121549_UserDarkTheme', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Snapshots" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "KeyPairs" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "Instances" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "Images" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "ImagePipelines" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "ImageComponents" ADD "ResourceGroupId" TEXT NULL;

ALTER TABLE "Disks" ADD "ResourceGroupId" TEXT NULL;

CREATE TABLE "ResourceGroups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceGroups" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_ResourceGroups_AccountId_Name" ON "ResourceGroups" ("AccountId", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205143231_ResourceGroups', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "InstanceTypes" ADD "Hardware_BandwidthRxKbps" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_BandwidthTxKbps" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_BaselineCredit" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_Category" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_CpuSpeedGHz" REAL NOT NULL DEFAULT 0.0;

ALTER TABLE "InstanceTypes" ADD "Hardware_CpuTurboGHz" REAL NOT NULL DEFAULT 0.0;

ALTER TABLE "InstanceTypes" ADD "Hardware_DiskQuantity" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_EniIpv6AddressQuantity" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_EniPrivateIpAddressQuantity" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_EniQuantity" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_EniTrunkSupported" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_EriQuantity" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_FamilyLevel" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_Generation" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_GpuAmount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_GpuMemoryGiB" REAL NOT NULL DEFAULT 0.0;

ALTER TABLE "InstanceTypes" ADD "Hardware_GpuSpec" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_InitialCredit" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_JumboFrameSupport" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_LocalStorageAmount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_LocalStorageCapacityGiB" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_LocalStorageCategory" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_MaximumQueueNumberPerEni" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_NestedVirtualizationSupport" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_NetworkEncryptionSupport" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_PpsRx" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_PpsTx" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_PrimaryEniQueueNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_ProcessorModel" TEXT NOT NULL DEFAULT '';

ALTER TABLE "InstanceTypes" ADD "Hardware_PtpSupport" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_QueuePairNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_SecondaryEniQueueNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "InstanceTypes" ADD "Hardware_ThreadsPerCore" INTEGER NOT NULL DEFAULT 0;

UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Compute-optimized', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 6, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 900000, "Hardware_PpsTx" = 900000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.c7.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 3072000, "Hardware_BandwidthTxKbps" = 3072000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Compute-optimized', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 15, "Hardware_EniPrivateIpAddressQuantity" = 15, "Hardware_EniQuantity" = 4, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 4, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 1000000, "Hardware_PpsTx" = 1000000, "Hardware_PrimaryEniQueueNumber" = 4, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 4, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.c7.xlarge';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Compute-optimized', "Hardware_CpuSpeedGHz" = 2.75, "Hardware_CpuTurboGHz" = 2.75, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 10, "Hardware_EniPrivateIpAddressQuantity" = 10, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-7', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 1000000, "Hardware_PpsTx" = 1000000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Yitian 710', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 1
WHERE "Id" = 'ecs.c8y.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 1024000, "Hardware_BandwidthTxKbps" = 1024000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'General-purpose', "Hardware_CpuSpeedGHz" = 2.5, "Hardware_CpuTurboGHz" = 3.2000000000000002, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 1, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 2, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-5', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 0, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 300000, "Hardware_PpsTx" = 300000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Cascade Lake) Platinum 8269CY', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g6.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'General-purpose', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 6, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 900000, "Hardware_PpsTx" = 900000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g7.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 3072000, "Hardware_BandwidthTxKbps" = 3072000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'General-purpose', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 15, "Hardware_EniPrivateIpAddressQuantity" = 15, "Hardware_EniQuantity" = 4, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 4, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 1000000, "Hardware_PpsTx" = 1000000, "Hardware_PrimaryEniQueueNumber" = 4, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 4, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g7.xlarge';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Enhanced', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 6, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 900000, "Hardware_PpsTx" = 900000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g7se.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Enhanced', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 6, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 1, "Hardware_PpsRx" = 900000, "Hardware_PpsTx" = 900000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g7t.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2560000, "Hardware_BandwidthTxKbps" = 2560000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'General-purpose', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.2000000000000002, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 15, "Hardware_EniPrivateIpAddressQuantity" = 15, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-7', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 1, "Hardware_NetworkEncryptionSupport" = 1, "Hardware_PpsRx" = 1000000, "Hardware_PpsTx" = 1000000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Sapphire Rapids) Platinum 8475B', "Hardware_PtpSupport" = 1, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.g8i.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'General-purpose', "Hardware_CpuSpeedGHz" = 2.75, "Hardware_CpuTurboGHz" = 2.75, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 10, "Hardware_EniPrivateIpAddressQuantity" = 10, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-7', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 1000000, "Hardware_PpsTx" = 1000000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Yitian 710', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 1
WHERE "Id" = 'ecs.g8y.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 2048000, "Hardware_BandwidthTxKbps" = 2048000, "Hardware_BaselineCredit" = 0, "Hardware_Category" = 'Memory-optimized', "Hardware_CpuSpeedGHz" = 2.7000000000000002, "Hardware_CpuTurboGHz" = 3.5, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 6, "Hardware_EniPrivateIpAddressQuantity" = 6, "Hardware_EniQuantity" = 3, "Hardware_EniTrunkSupported" = 1, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'EnterpriseLevel', "Hardware_Generation" = 'ecs-6', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 1, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 2, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 900000, "Hardware_PpsTx" = 900000, "Hardware_PrimaryEniQueueNumber" = 2, "Hardware_ProcessorModel" = 'Intel Xeon(Ice Lake) Platinum 8369B', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 2, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.r7.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 204800, "Hardware_BandwidthTxKbps" = 204800, "Hardware_BaselineCredit" = 10, "Hardware_Category" = 'Shared', "Hardware_CpuSpeedGHz" = 2.5, "Hardware_CpuTurboGHz" = 3.0, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 0, "Hardware_EniPrivateIpAddressQuantity" = 1, "Hardware_EniQuantity" = 1, "Hardware_EniTrunkSupported" = 0, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'CreditEntryLevel', "Hardware_Generation" = 'ecs-3', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 30, "Hardware_JumboFrameSupport" = 0, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 1, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 60000, "Hardware_PpsTx" = 60000, "Hardware_PrimaryEniQueueNumber" = 1, "Hardware_ProcessorModel" = 'Intel Xeon(Broadwell) E5-2682 v4', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 1, "Hardware_ThreadsPerCore" = 1
WHERE "Id" = 'ecs.t5-lc1m1.small';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 102400, "Hardware_BandwidthTxKbps" = 102400, "Hardware_BaselineCredit" = 20, "Hardware_Category" = 'Shared', "Hardware_CpuSpeedGHz" = 2.5, "Hardware_CpuTurboGHz" = 3.1000000000000001, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 1, "Hardware_EniPrivateIpAddressQuantity" = 2, "Hardware_EniQuantity" = 2, "Hardware_EniTrunkSupported" = 0, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'CreditEntryLevel', "Hardware_Generation" = 'ecs-5', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 0, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 1, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 50000, "Hardware_PpsTx" = 50000, "Hardware_PrimaryEniQueueNumber" = 1, "Hardware_ProcessorModel" = 'Intel Xeon(Skylake) Platinum 8163', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 1, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.t6-c1m1.large';
SELECT changes();


UPDATE "InstanceTypes" SET "Hardware_BandwidthRxKbps" = 81920, "Hardware_BandwidthTxKbps" = 81920, "Hardware_BaselineCredit" = 10, "Hardware_Category" = 'Shared', "Hardware_CpuSpeedGHz" = 2.5, "Hardware_CpuTurboGHz" = 3.1000000000000001, "Hardware_DiskQuantity" = 17, "Hardware_EniIpv6AddressQuantity" = 1, "Hardware_EniPrivateIpAddressQuantity" = 2, "Hardware_EniQuantity" = 2, "Hardware_EniTrunkSupported" = 0, "Hardware_EriQuantity" = 0, "Hardware_FamilyLevel" = 'CreditEntryLevel', "Hardware_Generation" = 'ecs-5', "Hardware_GpuAmount" = 0, "Hardware_GpuMemoryGiB" = 0.0, "Hardware_GpuSpec" = '', "Hardware_InitialCredit" = 0, "Hardware_JumboFrameSupport" = 0, "Hardware_LocalStorageAmount" = 0, "Hardware_LocalStorageCapacityGiB" = 0, "Hardware_LocalStorageCategory" = '', "Hardware_MaximumQueueNumberPerEni" = 1, "Hardware_NestedVirtualizationSupport" = 0, "Hardware_NetworkEncryptionSupport" = 0, "Hardware_PpsRx" = 40000, "Hardware_PpsTx" = 40000, "Hardware_PrimaryEniQueueNumber" = 1, "Hardware_ProcessorModel" = 'Intel Xeon(Skylake) Platinum 8163', "Hardware_PtpSupport" = 0, "Hardware_QueuePairNumber" = 0, "Hardware_SecondaryEniQueueNumber" = 1, "Hardware_ThreadsPerCore" = 2
WHERE "Id" = 'ecs.t6-c4m1.large';
SELECT changes();


INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205151440_InstanceTypeHardware', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Instances" ADD "Description" TEXT NULL;

ALTER TABLE "Instances" ADD "HostName" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205205525_InstanceDescriptionAndHostName', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Disks" ADD "AttachedTime" INTEGER NULL;

ALTER TABLE "Disks" ADD "Description" TEXT NULL;

ALTER TABLE "Disks" ADD "DetachedTime" INTEGER NULL;

ALTER TABLE "Disks" ADD "Name" TEXT NULL;

ALTER TABLE "Disks" ADD "PerformanceLevel" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205205632_DiskAttributes', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Snapshots" ADD "AutoSnapshotPolicyId" TEXT NULL;

ALTER TABLE "Snapshots" ADD "RetainUntil" INTEGER NULL;

CREATE TABLE "AutoSnapshotPolicies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AutoSnapshotPolicies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "TimePoints" TEXT NOT NULL,
    "RepeatWeekdays" TEXT NOT NULL,
    "RetentionDays" INTEGER NOT NULL,
    "ResourceGroupId" TEXT NULL,
    "NextRunAt" INTEGER NOT NULL,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE TABLE "DiskAutoSnapshotPolicies" (
    "DiskId" TEXT NOT NULL,
    "PolicyId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "AppliedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_DiskAutoSnapshotPolicies" PRIMARY KEY ("DiskId", "PolicyId")
);

CREATE TABLE "AutoSnapshotPolicyTags" (
    "TagKey" TEXT NOT NULL,
    "PolicyId" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_AutoSnapshotPolicyTags" PRIMARY KEY ("PolicyId", "TagKey"),
    CONSTRAINT "FK_AutoSnapshotPolicyTags_AutoSnapshotPolicies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "AutoSnapshotPolicies" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Snapshots_RetainUntil" ON "Snapshots" ("RetainUntil");

CREATE INDEX "IX_AutoSnapshotPolicies_AccountId_RegionId" ON "AutoSnapshotPolicies" ("AccountId", "RegionId");

CREATE INDEX "IX_AutoSnapshotPolicies_NextRunAt" ON "AutoSnapshotPolicies" ("NextRunAt");

CREATE INDEX "IX_DiskAutoSnapshotPolicies_AccountId_RegionId" ON "DiskAutoSnapshotPolicies" ("AccountId", "RegionId");

CREATE INDEX "IX_DiskAutoSnapshotPolicies_PolicyId" ON "DiskAutoSnapshotPolicies" ("PolicyId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206000141_AutoSnapshotPolicies', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Snapshots" ADD "RetentionDays" INTEGER NULL;

ALTER TABLE "Snapshots" ADD "SnapshotGroupId" TEXT NULL;

ALTER TABLE "Snapshots" ADD "SourceRegionId" TEXT NULL;

ALTER TABLE "Snapshots" ADD "SourceSnapshotId" TEXT NULL;

CREATE TABLE "SnapshotGroups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SnapshotGroups" PRIMARY KEY,
    "Name" TEXT NULL,
    "Description" TEXT NULL,
    "InstanceId" TEXT NULL,
    "ResourceGroupId" TEXT NULL,
    "RegionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "CreationTime" INTEGER NOT NULL
);

CREATE INDEX "IX_Snapshots_SnapshotGroupId" ON "Snapshots" ("SnapshotGroupId");

CREATE INDEX "IX_SnapshotGroups_AccountId_RegionId" ON "SnapshotGroups" ("AccountId", "RegionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206014520_SnapshotCopiesAndGroups', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "SasServers" ADD "SourceImageId" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206031414_SasServerFromCustomImage', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Instances" ADD "AutoReleaseTime" INTEGER NULL;

ALTER TABLE "Instances" ADD "HttpEndpoint" TEXT NULL;

ALTER TABLE "Instances" ADD "HttpPutResponseHopLimit" INTEGER NULL;

ALTER TABLE "Instances" ADD "HttpTokens" TEXT NULL;

ALTER TABLE "Instances" ADD "InternetChargeType" TEXT NULL;

ALTER TABLE "Instances" ADD "InternetMaxBandwidthIn" INTEGER NULL;

ALTER TABLE "Instances" ADD "InternetMaxBandwidthOut" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Instances" ADD "SpotDuration" INTEGER NULL;

ALTER TABLE "Instances" ADD "SpotInterruptionBehavior" TEXT NULL;

ALTER TABLE "Instances" ADD "SpotPriceLimit" REAL NULL;

ALTER TABLE "Instances" ADD "SpotStrategy" TEXT NULL;

ALTER TABLE "Instances" ADD "StoppedMode" TEXT NULL;

ALTER TABLE "Instances" ADD "Tags" TEXT NOT NULL DEFAULT '[]';

ALTER TABLE "Instances" ADD "UserData" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206032659_InstanceLaunchOptions', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AutoSnapshotPolicies" ADD "CopiedSnapshotsRetentionDays" INTEGER NULL;

ALTER TABLE "AutoSnapshotPolicies" ADD "CopyEncrypted" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AutoSnapshotPolicies" ADD "EnableCrossRegionCopy" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AutoSnapshotPolicies" ADD "TargetCopyRegions" TEXT NULL;

CREATE TABLE "DiskTags" (
    "TagKey" TEXT NOT NULL,
    "DiskId" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_DiskTags" PRIMARY KEY ("DiskId", "TagKey"),
    CONSTRAINT "FK_DiskTags_Disks_DiskId" FOREIGN KEY ("DiskId") REFERENCES "Disks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SnapshotTags" (
    "TagKey" TEXT NOT NULL,
    "SnapshotId" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_SnapshotTags" PRIMARY KEY ("SnapshotId", "TagKey"),
    CONSTRAINT "FK_SnapshotTags_Snapshots_SnapshotId" FOREIGN KEY ("SnapshotId") REFERENCES "Snapshots" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206061330_SnapshotAndDiskTags', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Images" ADD "ImageCheckRequested" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Images" ADD "SecureBootSupport" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206061948_ImageCheckAndSecureBoot', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Instances" ADD "AutoRenewMonths" INTEGER NULL;

ALTER TABLE "Instances" ADD "Settings" TEXT NOT NULL DEFAULT 'null';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206065936_InstanceSettings', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AutoSnapshotPolicies" ADD "AssociationType" TEXT NULL;

CREATE TABLE "AutoSnapshotPolicyTargetTags" (
    "TagKey" TEXT NOT NULL,
    "PolicyId" TEXT NOT NULL,
    "TagValue" TEXT NOT NULL,
    CONSTRAINT "PK_AutoSnapshotPolicyTargetTags" PRIMARY KEY ("PolicyId", "TagKey"),
    CONSTRAINT "FK_AutoSnapshotPolicyTargetTags_AutoSnapshotPolicies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "AutoSnapshotPolicies" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206092426_AutoSnapshotPolicyTargetTags', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Images_Catalogue_Community";

CREATE INDEX "IX_Images_Catalogue_Community" ON "Images" ("RegionId", "Kind", "Status", "CreationTime") WHERE "IsPublic";

CREATE VIRTUAL TABLE "ImageSearch" USING fts5("Name", "Id", content='Images', content_rowid='Key', tokenize='trigram');

INSERT INTO "ImageSearch"("ImageSearch") VALUES ('rebuild');

CREATE TRIGGER "Images_Search_Insert" AFTER INSERT ON "Images" BEGIN
    INSERT INTO "ImageSearch"(rowid, "Name", "Id") VALUES (new."Key", new."Name", new."Id");
END;

CREATE TRIGGER "Images_Search_Delete" AFTER DELETE ON "Images" BEGIN
    INSERT INTO "ImageSearch"("ImageSearch", rowid, "Name", "Id") VALUES ('delete', old."Key", old."Name", old."Id");
END;

CREATE TRIGGER "Images_Search_Update" AFTER UPDATE OF "Name", "Id" ON "Images" BEGIN
    INSERT INTO "ImageSearch"("ImageSearch", rowid, "Name", "Id") VALUES ('delete', old."Key", old."Name", old."Id");
    INSERT INTO "ImageSearch"(rowid, "Name", "Id") VALUES (new."Key", new."Name", new."Id");
END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206101037_CatalogueSearch', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ImagePipelines" ADD "ImportOptions" TEXT NOT NULL DEFAULT 'null';

ALTER TABLE "ImagePipelineExecutions" ADD "ImportedImageId" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206102358_PipelineOssImport', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataVersion" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataVersion" PRIMARY KEY,
    "Version" TEXT NOT NULL
);

INSERT INTO "DataVersion" ("Id", "Version") VALUES (1, lower(hex(randomblob(8))));

CREATE TRIGGER "DataVersion_AccessKeys_Insert" AFTER INSERT ON "AccessKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AccessKeys_Update" AFTER UPDATE ON "AccessKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AccessKeys_Delete" AFTER DELETE ON "AccessKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AccountMemberships_Insert" AFTER INSERT ON "AccountMemberships"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AccountMemberships_Update" AFTER UPDATE ON "AccountMemberships"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AccountMemberships_Delete" AFTER DELETE ON "AccountMemberships"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Accounts_Insert" AFTER INSERT ON "Accounts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Accounts_Update" AFTER UPDATE ON "Accounts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Accounts_Delete" AFTER DELETE ON "Accounts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoleClaims_Insert" AFTER INSERT ON "AspNetRoleClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoleClaims_Update" AFTER UPDATE ON "AspNetRoleClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoleClaims_Delete" AFTER DELETE ON "AspNetRoleClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoles_Insert" AFTER INSERT ON "AspNetRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoles_Update" AFTER UPDATE ON "AspNetRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetRoles_Delete" AFTER DELETE ON "AspNetRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserClaims_Insert" AFTER INSERT ON "AspNetUserClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserClaims_Update" AFTER UPDATE ON "AspNetUserClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserClaims_Delete" AFTER DELETE ON "AspNetUserClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserLogins_Insert" AFTER INSERT ON "AspNetUserLogins"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserLogins_Update" AFTER UPDATE ON "AspNetUserLogins"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserLogins_Delete" AFTER DELETE ON "AspNetUserLogins"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserPasskeys_Insert" AFTER INSERT ON "AspNetUserPasskeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserPasskeys_Update" AFTER UPDATE ON "AspNetUserPasskeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserPasskeys_Delete" AFTER DELETE ON "AspNetUserPasskeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserRoles_Insert" AFTER INSERT ON "AspNetUserRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserRoles_Update" AFTER UPDATE ON "AspNetUserRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserRoles_Delete" AFTER DELETE ON "AspNetUserRoles"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserTokens_Insert" AFTER INSERT ON "AspNetUserTokens"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserTokens_Update" AFTER UPDATE ON "AspNetUserTokens"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUserTokens_Delete" AFTER DELETE ON "AspNetUserTokens"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUsers_Insert" AFTER INSERT ON "AspNetUsers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUsers_Update" AFTER UPDATE ON "AspNetUsers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AspNetUsers_Delete" AFTER DELETE ON "AspNetUsers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AsyncTasks_Insert" AFTER INSERT ON "AsyncTasks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AsyncTasks_Update" AFTER UPDATE ON "AsyncTasks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AsyncTasks_Delete" AFTER DELETE ON "AsyncTasks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AuditEntries_Insert" AFTER INSERT ON "AuditEntries"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AuditEntries_Update" AFTER UPDATE ON "AuditEntries"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AuditEntries_Delete" AFTER DELETE ON "AuditEntries"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicies_Insert" AFTER INSERT ON "AutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicies_Update" AFTER UPDATE ON "AutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicies_Delete" AFTER DELETE ON "AutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTags_Insert" AFTER INSERT ON "AutoSnapshotPolicyTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTags_Update" AFTER UPDATE ON "AutoSnapshotPolicyTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTags_Delete" AFTER DELETE ON "AutoSnapshotPolicyTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTargetTags_Insert" AFTER INSERT ON "AutoSnapshotPolicyTargetTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTargetTags_Update" AFTER UPDATE ON "AutoSnapshotPolicyTargetTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_AutoSnapshotPolicyTargetTags_Delete" AFTER DELETE ON "AutoSnapshotPolicyTargetTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ClientTokenClaims_Insert" AFTER INSERT ON "ClientTokenClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ClientTokenClaims_Update" AFTER UPDATE ON "ClientTokenClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ClientTokenClaims_Delete" AFTER DELETE ON "ClientTokenClaims"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DataProtectionKeys_Insert" AFTER INSERT ON "DataProtectionKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DataProtectionKeys_Update" AFTER UPDATE ON "DataProtectionKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DataProtectionKeys_Delete" AFTER DELETE ON "DataProtectionKeys"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskAutoSnapshotPolicies_Insert" AFTER INSERT ON "DiskAutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskAutoSnapshotPolicies_Update" AFTER UPDATE ON "DiskAutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskAutoSnapshotPolicies_Delete" AFTER DELETE ON "DiskAutoSnapshotPolicies"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskTags_Insert" AFTER INSERT ON "DiskTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskTags_Update" AFTER UPDATE ON "DiskTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_DiskTags_Delete" AFTER DELETE ON "DiskTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Disks_Insert" AFTER INSERT ON "Disks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Disks_Update" AFTER UPDATE ON "Disks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Disks_Delete" AFTER DELETE ON "Disks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageComponents_Insert" AFTER INSERT ON "ImageComponents"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageComponents_Update" AFTER UPDATE ON "ImageComponents"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageComponents_Delete" AFTER DELETE ON "ImageComponents"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageDiskMappings_Insert" AFTER INSERT ON "ImageDiskMappings"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageDiskMappings_Update" AFTER UPDATE ON "ImageDiskMappings"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageDiskMappings_Delete" AFTER DELETE ON "ImageDiskMappings"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelineExecutions_Insert" AFTER INSERT ON "ImagePipelineExecutions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelineExecutions_Update" AFTER UPDATE ON "ImagePipelineExecutions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelineExecutions_Delete" AFTER DELETE ON "ImagePipelineExecutions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelines_Insert" AFTER INSERT ON "ImagePipelines"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelines_Update" AFTER UPDATE ON "ImagePipelines"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImagePipelines_Delete" AFTER DELETE ON "ImagePipelines"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageShares_Insert" AFTER INSERT ON "ImageShares"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageShares_Update" AFTER UPDATE ON "ImageShares"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageShares_Delete" AFTER DELETE ON "ImageShares"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageTags_Insert" AFTER INSERT ON "ImageTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageTags_Update" AFTER UPDATE ON "ImageTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageTags_Delete" AFTER DELETE ON "ImageTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageUpdateRuns_Insert" AFTER INSERT ON "ImageUpdateRuns"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageUpdateRuns_Update" AFTER UPDATE ON "ImageUpdateRuns"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ImageUpdateRuns_Delete" AFTER DELETE ON "ImageUpdateRuns"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Images_Insert" AFTER INSERT ON "Images"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Images_Update" AFTER UPDATE ON "Images"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Images_Delete" AFTER DELETE ON "Images"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypeZones_Insert" AFTER INSERT ON "InstanceTypeZones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypeZones_Update" AFTER UPDATE ON "InstanceTypeZones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypeZones_Delete" AFTER DELETE ON "InstanceTypeZones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypes_Insert" AFTER INSERT ON "InstanceTypes"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypes_Update" AFTER UPDATE ON "InstanceTypes"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_InstanceTypes_Delete" AFTER DELETE ON "InstanceTypes"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Instances_Insert" AFTER INSERT ON "Instances"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Instances_Update" AFTER UPDATE ON "Instances"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Instances_Delete" AFTER DELETE ON "Instances"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairTags_Insert" AFTER INSERT ON "KeyPairTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairTags_Update" AFTER UPDATE ON "KeyPairTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairTags_Delete" AFTER DELETE ON "KeyPairTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairs_Insert" AFTER INSERT ON "KeyPairs"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairs_Update" AFTER UPDATE ON "KeyPairs"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_KeyPairs_Delete" AFTER DELETE ON "KeyPairs"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplacePrices_Insert" AFTER INSERT ON "MarketplacePrices"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplacePrices_Update" AFTER UPDATE ON "MarketplacePrices"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplacePrices_Delete" AFTER DELETE ON "MarketplacePrices"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceProducts_Insert" AFTER INSERT ON "MarketplaceProducts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceProducts_Update" AFTER UPDATE ON "MarketplaceProducts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceProducts_Delete" AFTER DELETE ON "MarketplaceProducts"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceSubscriptions_Insert" AFTER INSERT ON "MarketplaceSubscriptions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceSubscriptions_Update" AFTER UPDATE ON "MarketplaceSubscriptions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_MarketplaceSubscriptions_Delete" AFTER DELETE ON "MarketplaceSubscriptions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssBuckets_Insert" AFTER INSERT ON "OssBuckets"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssBuckets_Update" AFTER UPDATE ON "OssBuckets"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssBuckets_Delete" AFTER DELETE ON "OssBuckets"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssObjects_Insert" AFTER INSERT ON "OssObjects"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssObjects_Update" AFTER UPDATE ON "OssObjects"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_OssObjects_Delete" AFTER DELETE ON "OssObjects"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_QuotaRequests_Insert" AFTER INSERT ON "QuotaRequests"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_QuotaRequests_Update" AFTER UPDATE ON "QuotaRequests"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_QuotaRequests_Delete" AFTER DELETE ON "QuotaRequests"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Quotas_Insert" AFTER INSERT ON "Quotas"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Quotas_Update" AFTER UPDATE ON "Quotas"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Quotas_Delete" AFTER DELETE ON "Quotas"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Regions_Insert" AFTER INSERT ON "Regions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Regions_Update" AFTER UPDATE ON "Regions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Regions_Delete" AFTER DELETE ON "Regions"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ResourceGroups_Insert" AFTER INSERT ON "ResourceGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ResourceGroups_Update" AFTER UPDATE ON "ResourceGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_ResourceGroups_Delete" AFTER DELETE ON "ResourceGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasDisks_Insert" AFTER INSERT ON "SasDisks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasDisks_Update" AFTER UPDATE ON "SasDisks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasDisks_Delete" AFTER DELETE ON "SasDisks"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasImages_Insert" AFTER INSERT ON "SasImages"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasImages_Update" AFTER UPDATE ON "SasImages"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasImages_Delete" AFTER DELETE ON "SasImages"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasServers_Insert" AFTER INSERT ON "SasServers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasServers_Update" AFTER UPDATE ON "SasServers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasServers_Delete" AFTER DELETE ON "SasServers"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasSnapshots_Insert" AFTER INSERT ON "SasSnapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasSnapshots_Update" AFTER UPDATE ON "SasSnapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SasSnapshots_Delete" AFTER DELETE ON "SasSnapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationClock_Insert" AFTER INSERT ON "SimulationClock"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationClock_Update" AFTER UPDATE ON "SimulationClock"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationClock_Delete" AFTER DELETE ON "SimulationClock"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationFaults_Insert" AFTER INSERT ON "SimulationFaults"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationFaults_Update" AFTER UPDATE ON "SimulationFaults"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SimulationFaults_Delete" AFTER DELETE ON "SimulationFaults"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotGroups_Insert" AFTER INSERT ON "SnapshotGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotGroups_Update" AFTER UPDATE ON "SnapshotGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotGroups_Delete" AFTER DELETE ON "SnapshotGroups"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotTags_Insert" AFTER INSERT ON "SnapshotTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotTags_Update" AFTER UPDATE ON "SnapshotTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_SnapshotTags_Delete" AFTER DELETE ON "SnapshotTags"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Snapshots_Insert" AFTER INSERT ON "Snapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Snapshots_Update" AFTER UPDATE ON "Snapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Snapshots_Delete" AFTER DELETE ON "Snapshots"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Zones_Insert" AFTER INSERT ON "Zones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Zones_Update" AFTER UPDATE ON "Zones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

CREATE TRIGGER "DataVersion_Zones_Delete" AFTER DELETE ON "Zones"
BEGIN UPDATE "DataVersion" SET "Version" = lower(hex(randomblob(8))) WHERE "Id" = 1; END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206124045_DataVersion', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Images_Catalogue_OwnerFamily" ON "Images" ("OwnerAccountId", "RegionId", "Family", "CreationTime", "Key", "Kind", "Status") WHERE "Family" IS NOT NULL;

CREATE INDEX "IX_Images_ProductCode" ON "Images" ("ProductCode", "RegionId", "CreationTime") WHERE "ProductCode" IS NOT NULL;

CREATE TABLE "CustomImageCounts" (
    "OwnerAccountId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    PRIMARY KEY ("OwnerAccountId", "RegionId", "Status")
) WITHOUT ROWID;

INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
SELECT "OwnerAccountId", "RegionId", "Status", count(*) FROM "Images"
WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL
GROUP BY "OwnerAccountId", "RegionId", "Status";

CREATE TRIGGER "Images_Count_Insert" AFTER INSERT ON "Images"
WHEN new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL BEGIN
    INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
    VALUES (new."OwnerAccountId", new."RegionId", new."Status", 1)
    ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "Images_Count_Delete" AFTER DELETE ON "Images"
WHEN old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL BEGIN
    UPDATE "CustomImageCounts" SET "Count" = "Count" - 1
    WHERE "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId" AND "Status" = old."Status";
END;

CREATE TRIGGER "Images_Count_Update" AFTER UPDATE OF "OwnerAccountId", "RegionId", "Kind", "Status" ON "Images" BEGIN
    UPDATE "CustomImageCounts" SET "Count" = "Count" - 1
    WHERE old."Kind" = 'Custom' AND "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId" AND "Status" = old."Status";
    INSERT INTO "CustomImageCounts" ("OwnerAccountId", "RegionId", "Status", "Count")
    SELECT new."OwnerAccountId", new."RegionId", new."Status", 1
    WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL
    ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206215819_CatalogueCounts', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_ApiCalls_RequestId";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207070227_ApiCallsWithoutRequestIdIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CustomImageSearchScopes" (
    "Scope" INTEGER NOT NULL CONSTRAINT "PK_CustomImageSearchScopes" PRIMARY KEY,
    "OwnerAccountId" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    CONSTRAINT "AK_CustomImageSearchScopes_Owner_Region" UNIQUE ("OwnerAccountId", "RegionId")
);

CREATE VIRTUAL TABLE "CustomImageSearch" USING fts5("Name", "Id", content='', tokenize='trigram case_sensitive 1');

INSERT INTO "CustomImageSearchScopes" ("OwnerAccountId", "RegionId")
SELECT DISTINCT "OwnerAccountId", "RegionId" FROM "Images" WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL;

INSERT INTO "CustomImageSearch" (rowid, "Name", "Id")
SELECT (((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = i."OwnerAccountId" AND "RegionId" = i."RegionId") << 36)
 + ((CASE i."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
     WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
 + i."Key"), lower(i."Name"), lower(i."Id")
FROM "Images" AS i WHERE i."Kind" = 'Custom' AND i."OwnerAccountId" IS NOT NULL;

CREATE TRIGGER "Images_CustomSearch_Insert" AFTER INSERT ON "Images"
WHEN new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL BEGIN
    INSERT INTO "CustomImageSearchScopes" ("OwnerAccountId", "RegionId")
SELECT new."OwnerAccountId", new."RegionId"
WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = new."OwnerAccountId" AND "RegionId" = new."RegionId");
    INSERT INTO "CustomImageSearch" (rowid, "Name", "Id") VALUES ((((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = new."OwnerAccountId" AND "RegionId" = new."RegionId") << 36)
 + ((CASE new."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
     WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
 + new."Key"), lower(new."Name"), lower(new."Id"));
END;

CREATE TRIGGER "Images_CustomSearch_Delete" AFTER DELETE ON "Images"
WHEN old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL BEGIN
    INSERT INTO "CustomImageSearch" ("CustomImageSearch", rowid, "Name", "Id") VALUES ('delete', (((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId") << 36)
 + ((CASE old."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
     WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
 + old."Key"), lower(old."Name"), lower(old."Id"));
END;

CREATE TRIGGER "Images_CustomSearch_Update" AFTER UPDATE OF "OwnerAccountId", "RegionId", "Kind", "Status", "Name", "Id" ON "Images" BEGIN
    INSERT INTO "CustomImageSearch" ("CustomImageSearch", rowid, "Name", "Id")
    SELECT 'delete', (((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = old."OwnerAccountId" AND "RegionId" = old."RegionId") << 36)
 + ((CASE old."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
     WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
 + old."Key"), lower(old."Name"), lower(old."Id") WHERE old."Kind" = 'Custom' AND old."OwnerAccountId" IS NOT NULL;
    INSERT INTO "CustomImageSearchScopes" ("OwnerAccountId", "RegionId")
SELECT new."OwnerAccountId", new."RegionId"
WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = new."OwnerAccountId" AND "RegionId" = new."RegionId");
    INSERT INTO "CustomImageSearch" (rowid, "Name", "Id")
    SELECT (((SELECT "Scope" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = new."OwnerAccountId" AND "RegionId" = new."RegionId") << 36)
 + ((CASE new."Status" WHEN 'Creating' THEN 0 WHEN 'Waiting' THEN 1 WHEN 'Available' THEN 2 WHEN 'UnAvailable' THEN 3
     WHEN 'CreateFailed' THEN 4 WHEN 'Deprecated' THEN 5 ELSE 15 END) << 32)
 + new."Key"), lower(new."Name"), lower(new."Id") WHERE new."Kind" = 'Custom' AND new."OwnerAccountId" IS NOT NULL;
END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207222039_CustomImageSearch', '10.0.14');

COMMIT;

