package com.rdsmigration.gateway.rds.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented sample answers (docs/rds-openapi-notes.md, "Errors" and "The actions") parse into the wire records,
 * field for field.
 */
class WireKnownAnswerTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void parsesImportDatabaseBetweenInstancesWithImportIdAsStringOrNumber() {
        var asString = JSON.readValue(
                "{\"ImportId\":\"85265475235\",\"RequestId\":\"5A77D650-27A1-4E08-AD9E-59008EDB6927\"}",
                ImportDatabaseBetweenInstancesResponse.class);
        assertThat(asString.importId()).isEqualTo("85265475235");
        assertThat(Long.parseLong(asString.importId())).isGreaterThan(Integer.MAX_VALUE);
        assertThat(asString.requestId()).isEqualTo("5A77D650-27A1-4E08-AD9E-59008EDB6927");

        var asNumber = JSON.readValue(
                "{\"ImportId\":85265475235,\"RequestId\":\"R\"}", ImportDatabaseBetweenInstancesResponse.class);
        assertThat(asNumber.importId()).isEqualTo("85265475235");
        var oldSample = JSON.readValue(
                "{\"ImportId\":2122321,\"RequestId\":\"R\"}", ImportDatabaseBetweenInstancesResponse.class);
        assertThat(oldSample.importId()).isEqualTo("2122321");
    }

    @Test
    void parsesCancelImport() {
        assertThat(JSON.readValue(
                                "{\"RequestId\":\"5A77D650-27A1-4E08-AD9E-59008EDB6927\"}", CancelImportResponse.class)
                        .requestId())
                .isEqualTo("5A77D650-27A1-4E08-AD9E-59008EDB6927");
    }

    @Test
    void parsesCreateCloudMigrationPrecheckTask() {
        var answer = JSON.readValue(
                "{\"DBInstanceName\":\"pgm-bp102g323jd4****\",\"TaskId\":439946016,\"TaskName\":\"slf7w7wj3g\","
                        + "\"RequestId\":\"60F9A12A-16B8-4728-B099-4CA38D32C31C\"}",
                CreateCloudMigrationPrecheckTaskResponse.class);
        assertThat(answer)
                .isEqualTo(new CreateCloudMigrationPrecheckTaskResponse(
                        "pgm-bp102g323jd4****", 439946016L, "slf7w7wj3g", "60F9A12A-16B8-4728-B099-4CA38D32C31C"));
    }

    @Test
    void parsesDescribeCloudMigrationPrecheckResultWithBareItemsArray() {
        var answer = JSON.readValue("""
                {"RequestId":"7E4A6E1B-789B-5F16-9736-39AA57FC7374","PageNumber":1,"PageSize":10,"TotalSize":1,
                 "Items":[{"TaskId":440420798,"TaskName":"lxbv6rtxno8","TargetInstanceName":"pgm-bp102g323jd4****",
                   "SourceIpAddress":"172.2.XX.XX","SourcePort":5432,"SourceAccount":"migratetest","SourcePassword":"123456",
                   "SourceCategory":"ecsonvpc","TargetEip":null,"GmtCreated":"2022-02-25T06:57:41Z","GmtModified":"2022-02-25T06:58:00Z",
                   "Detail":"[Check rds empty]\\nCheck rds databases: success\\n*Migrate check success*"}]}
                """, DescribeCloudMigrationPrecheckResultResponse.class);

        assertThat(answer.pageNumber()).isEqualTo(1);
        assertThat(answer.pageSize()).isEqualTo(10);
        assertThat(answer.totalSize()).isEqualTo(1);
        PrecheckResultItem item = answer.items().get(0);
        assertThat(item.taskId()).isEqualTo(440420798L);
        assertThat(item.taskName()).isEqualTo("lxbv6rtxno8");
        assertThat(item.sourcePort()).isEqualTo(5432L);
        assertThat(item.sourceCategory()).isEqualTo("ecsonvpc");
        assertThat(item.targetEip()).isNull();
        assertThat(item.gmtModified()).isEqualTo("2022-02-25T06:58:00Z");
        assertThat(item.detail()).endsWith("*Migrate check success*");
        assertThat(item.sourcePassword()).isEqualTo("123456");
        assertThat(item.toString()).doesNotContain("123456");
        assertThat(answer.withoutPasswords().items().get(0).sourcePassword()).isNull();
    }

    @Test
    void parsesCreateCloudMigrationTask() {
        var answer = JSON.readValue(
                "{\"DBInstanceName\":\"pgm-bp102g323jd4****\",\"TaskId\":440437220,"
                        + "\"TaskName\":\"362c6c7a-4d20-4eac-898c-1495ceab374c\",\"RequestId\":\"8B993DA9-5272-5414-94E3-4CA8BA0146C2\"}",
                CreateCloudMigrationTaskResponse.class);
        assertThat(answer.taskId()).isEqualTo(440437220L);
        assertThat(answer.taskName()).isEqualTo("362c6c7a-4d20-4eac-898c-1495ceab374c");
        assertThat(answer.requestId()).isEqualTo("8B993DA9-5272-5414-94E3-4CA8BA0146C2");
    }

    @Test
    void parsesDescribeCloudMigrationResultWithReplicationInfoAsJsonText() {
        var answer = JSON.readValue("""
                {"RequestId":"1B983C48-9793-5EAA-8F7F-00EAEC517675","PageNumber":1,"PageSize":10,"TotalSize":1,
                 "Items":[{"TaskId":440437220,"TaskName":"362c6c7a-4d20-4eac-898c-1495ceab374c","TargetInstanceName":"pgm-bp102g323jd4****",
                  "SourceIpAddress":"172.16.XX.XX","SourcePort":5432,"SourceAccount":"migratetest","SourcePassword":"123456","SourceCategory":"ecsonvpc",
                  "TargetEip":null,"GmtCreated":"2022-02-25T08:53:13Z","GmtModified":"2022-03-01T06:39:51Z","SwitchTime":"2022-03-01T06:40:51Z",
                  "MigrateStage":"switch","ReplicationState":"streaming",
                  "ReplicationInfo":"{\\"Status\\":\\"streaming\\",\\"Synced\\":\\"true\\",\\"ReplayLag\\":\\"0\\"}",
                  "Detail":"[Synchronize data]\\n2022-02-25 17:01:05 --- Synchronize data from source to RDS by streaming replication \\n"}]}
                """, DescribeCloudMigrationResultResponse.class);

        MigrationResultItem item = answer.items().get(0);
        assertThat(item.migrateStage()).isEqualTo("switch");
        assertThat(item.replicationState()).isEqualTo("streaming");
        assertThat(item.switchTime()).isEqualTo("2022-03-01T06:40:51Z");
        JsonNode info = JSON.readTree(item.replicationInfo());
        assertThat(info.path("Status").asString()).isEqualTo("streaming");
        assertThat(info.path("Synced").asString()).isEqualTo("true");
        assertThat(item.toString()).doesNotContain("123456");
        assertThat(answer.withoutPasswords().items().get(0).sourcePassword()).isNull();
    }

    @Test
    void parsesActivateMigrationTargetInstanceWithoutTaskName() {
        var answer = JSON.readValue(
                "{\"DBInstanceName\":\"pgm-bp102g323jd4****\",\"TaskId\":440913675,\"SourceIpAddress\":\"172.16.XX.XX\","
                        + "\"SourcePort\":5432,\"RequestId\":\"76364A52-E0AB-5CC8-9818-CF1DC482C092\"}",
                ActivateMigrationTargetInstanceResponse.class);
        assertThat(answer)
                .isEqualTo(new ActivateMigrationTargetInstanceResponse(
                        "pgm-bp102g323jd4****",
                        440913675L,
                        "172.16.XX.XX",
                        5432L,
                        "76364A52-E0AB-5CC8-9818-CF1DC482C092"));
    }

    @Test
    void parsesTheErrorShape() {
        var error = JSON.readValue("""
                {"RequestId":"8906582E-6722-409A-A6C4-0E7863B733A5","HostId":"rds.aliyuncs.com",
                 "Code":"InvalidDBInstanceId.NotFound","Message":"The DBInstanceId provided does not exist in records.",
                 "Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound&product=Rds&requestId=8906582E-6722-409A-A6C4-0E7863B733A5"}
                """, ErrorBody.class);
        assertThat(error.code()).isEqualTo("InvalidDBInstanceId.NotFound");
        assertThat(error.hostId()).isEqualTo("rds.aliyuncs.com");
        assertThat(error.recommend()).startsWith("https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound");
    }

    @Test
    void requestsCarryExactUpstreamParameterNamesAndHideThePassword() {
        var source = new CloudMigrationSource("172.16.0.1", 5432, "migratetest", "hunter22", "ecsOnVpc");
        var request = new CreateCloudMigrationTaskRequest("pgm-1", source, "task-1");

        assertThat(request.toParameters())
                .containsExactly(
                        java.util.Map.entry("DBInstanceName", "pgm-1"),
                        java.util.Map.entry("SourceIpAddress", "172.16.0.1"),
                        java.util.Map.entry("SourcePort", "5432"),
                        java.util.Map.entry("SourceAccount", "migratetest"),
                        java.util.Map.entry("SourcePassword", "hunter22"),
                        java.util.Map.entry("SourceCategory", "ecsOnVpc"),
                        java.util.Map.entry("TaskName", "task-1"));
        assertThat(request.toString()).doesNotContain("hunter22");
        assertThat(new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.byTaskName("pgm-1", "t"))
                        .toParameters())
                .containsEntry("PageNumber", "1")
                .containsEntry("PageSize", "30")
                .containsEntry("TaskName", "t")
                .doesNotContainKey("TaskId");
    }

    @Test
    void parsesDescribeDBInstanceAttributeWithItsWrappedArrayAndIgnoresFieldsItDoesNotModel() {
        var answer = JSON.readValue("""
                {"RequestId":"1AD222E9-E606-4A42-BF6D-8A4442913CEF",
                 "Items":{"DBInstanceAttribute":[{"DBInstanceId":"rm-uf6wjk5*****","Engine":"MySQL","EngineVersion":"5.5",
                   "DBInstanceStatus":"Running","ResourceGroupId":"rg-acfmy*****","RegionId":"cn-hangzhou",
                   "ZoneId":"cn-hangzhou-a","DBInstanceType":"Primary","LockMode":"Unlock","LockReason":"",
                   "DBInstanceClass":"rds.mys2.small","DBInstanceCPU":"2","DBInstanceMemory":4096,"DBInstanceStorage":10,
                   "DBInstanceStorageType":"local_ssd","Category":"HighAvailability","PayType":"Postpaid",
                   "ConnectionString":"rm-uf6wjk5*****.mysql.rds.aliyuncs.com","Port":"3306","DBInstanceNetType":"Intranet",
                   "InstanceNetworkType":"VPC","MaxConnections":60,"MaxIOPS":150,"CreationTime":"2011-05-30T12:11:04Z",
                   "ExpireTime":"2019-02-27T16:00:00Z","MaintainTime":"00:00Z-02:00Z","DBInstanceDescription":"test",
                   "VpcId":"vpc-*****","ReadOnlyDBInstanceIds":{"ReadOnlyDBInstanceId":[{"DBInstanceId":"rr-uf6wjk5*****"}]},
                   "SlaveZones":{"SlaveZone":[{"ZoneId":"cn-hangzhou-c"}]}}]}}
                """, DescribeDBInstanceAttributeResponse.class);

        assertThat(answer.requestId()).isEqualTo("1AD222E9-E606-4A42-BF6D-8A4442913CEF");
        assertThat(answer.attributes()).hasSize(1);
        DBInstanceAttribute instance = answer.attributesOf("rm-uf6wjk5*****").orElseThrow();
        assertThat(instance.resourceGroupId()).isEqualTo("rg-acfmy*****");
        assertThat(instance.engine()).isEqualTo("MySQL");
        assertThat(instance.dbInstanceStatus()).isEqualTo("Running");
        assertThat(instance.port()).isEqualTo("3306");
        assertThat(instance.dbInstanceMemory()).isEqualTo(4096L);
        assertThat(instance.maxIops()).isEqualTo(150);
        assertThat(answer.attributesOf("rm-other")).isEmpty();
    }

    @Test
    void readsAnAnswerWithoutItemsAsNoInstances() {
        assertThat(JSON.readValue("{\"RequestId\":\"R\"}", DescribeDBInstanceAttributeResponse.class)
                        .attributes())
                .isEmpty();
        assertThat(JSON.readValue("{\"RequestId\":\"R\",\"Items\":{}}", DescribeDBInstanceAttributeResponse.class)
                        .attributes())
                .isEmpty();
    }

    @Test
    void writesDescribeDBInstanceAttributeInTheSdkModelsShape() {
        var answer = DescribeDBInstanceAttributeResponse.of(
                "R", List.of(JSON.readValue("{\"DBInstanceId\":\"pgm-1\"}", DBInstanceAttribute.class)));

        JsonNode written = JSON.readTree(JSON.writeValueAsString(answer));

        assertThat(written.propertyNames()).containsExactlyInAnyOrder("RequestId", "Items");
        assertThat(written.path("Items").propertyNames()).containsExactly("DBInstanceAttribute");
        assertThat(written.path("Items")
                        .path("DBInstanceAttribute")
                        .get(0)
                        .path("DBInstanceId")
                        .asString())
                .isEqualTo("pgm-1");
    }

    @Test
    void sendsSeveralInstanceIdsAsOneCommaSeparatedParameter() {
        assertThat(DescribeDBInstanceAttributeRequest.of("pgm-1", "rm-2").toParameters())
                .containsExactly(java.util.Map.entry("DBInstanceId", "pgm-1,rm-2"));
        assertThat(DescribeDBInstanceAttributeRequest.of("pgm-1").action()).isEqualTo("DescribeDBInstanceAttribute");
        assertThat(RdsActions.isRead(RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE)).isTrue();
        assertThat(RdsActions.TASK_CREATIONS).doesNotContain(RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE);
    }

    @Test
    void refusesAnInstanceListTheUpstreamWouldRefuse() {
        assertThatThrownBy(DescribeDBInstanceAttributeRequest::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DescribeDBInstanceAttributeRequest.of("pgm-1", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DescribeDBInstanceAttributeRequest.of("pgm-1,rm-2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DescribeDBInstanceAttributeRequest(
                        Collections.nCopies(DescribeDBInstanceAttributeRequest.MAX_INSTANCE_IDS + 1, "pgm-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
