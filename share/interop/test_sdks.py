"""Interop: the official Alibaba Cloud Python SDKs against `ecsh serve`, success and failure.

Each SDK gets its own server on a fresh copy of the sandbox world (share/ecsh/WORLD.md says which disk shows
what). The cases are shared; each class runs them through one client:

- TestOldSDK: aliyun-python-sdk-core + aliyun-python-sdk-ecs, signature v1, JSON and XML;
- TestTeaSDK: alibabacloud-ecs20140526 over alibabacloud-tea-openapi, signature v3 (its default);
- TestTeaSDKSignatureV1: the same SDK told to sign with the RPC signature (`signature_algorithm='v2'`);
- TestTeaSDKAsync: the same SDK's `*_async` methods (aiohttp instead of requests), signature v3.

Error codes, HTTP statuses and messages are those of the ReInitDisk API document, word for word.
"""

import hmac
import json
import re
import time
from urllib.parse import quote, quote_plus

import alibabacloud_tea_openapi.utils as tea_utils
import pytest
from alibabacloud_ecs20140526 import models as ecs_models

from aliyunsdkcore.request import CommonRequest
from clients import CallRecord, OldSDK, TeaSDK
from conftest import SANDBOX_WORLD

ACCOUNTS = {account["AccessKeyId"]: account for account in json.loads(SANDBOX_WORLD.read_text())["Accounts"]}
SANDBOX = "sandbox"
STS = "STS.sandbox"
NO_WHITE_LIST = "sandbox-nowhitelist"

REQUEST_ID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
PASSWORD = "EcsV587!"
# Every special character ECS allows that URL encoding treats specially: & = + % / ? # and the rest.
SPECIAL_PASSWORD = "Ab1~!@#$%^&*-_+=|{}[]:;'<>,.?/"
MALFORMED_PASSWORD = "onlylowercaseletters"
WINDOWS_SLASH_PASSWORD = "/EcsV587!"
PASSWORDS = [PASSWORD, SPECIAL_PASSWORD, MALFORMED_PASSWORD, WINDOWS_SLASH_PASSWORD]

OK_SYSTEM = "d-bp1oksystem000001"  # system disk of web-1 (Stopped, has run before)
OK_CUSTOM_IMAGE = "d-bp1okcustomimage1"  # system disk of custom-image-host, from a custom image
OK_HOST_SYSTEM = "d-bp1hostsystem0001"  # system disk of data-disk-errors, whose data disks all fail
OK_WINDOWS = "d-bp1okwindows00001"  # system disk of win-1; only failing calls touch it here
AVAILABLE = "d-bp1erravailable01"
WEB_1 = "i-bp1sandboxweb0001"
WIN_1 = "i-bp1sandboxwin0001"
CUSTOM_IMAGE_HOST = "i-bp1selfimage00001"
RUNNING = "i-bp1running0000001"
LOCKED = "i-bp1locked00000001"

WRONG_SECRET_MESSAGE = "Specified signature is not matched with our calculation. server string to sign is:"
# Answers of the gateway in front of the actions: the call never reaches ReInitDisk, nothing is logged.
GATEWAY_CODES = {
    "SignatureDoesNotMatch",
    "InvalidAccessKeySecret",
    "InvalidAccessKeyId.NotFound",
    "InvalidSecurityToken.Malformed",
    "MissingSecurityToken",
}

INCORRECT_INSTANCE_STATUS = "The current status of the resource does not support this operation."
SNAPSHOT_DELETED = "The snapshot which is used to create the specified disk has been deleted."

# (case, account, parameters, HTTP status, code, message): the ReInitDisk document's error table.
REINIT_ERRORS = [
    ("disk-not-found", SANDBOX, {"DiskId": "d-bp1doesnotexist01"},
     404, "InvalidDiskId.NotFound", "The specified disk does not exist."),
    ("disk-available", SANDBOX, {"DiskId": AVAILABLE},
     403, "IncorrectDiskStatus", "The current disk status does not support this operation."),
    ("instance-running", SANDBOX, {"DiskId": "d-bp1errrunning0001", "Password": PASSWORD},
     403, "IncorrectInstanceStatus", INCORRECT_INSTANCE_STATUS),
    ("instance-never-started", SANDBOX, {"DiskId": "d-bp1errneverstart1"},
     403, "IncorrectInstanceStatus", INCORRECT_INSTANCE_STATUS),
    ("instance-locked", SANDBOX, {"DiskId": "d-bp1errlocked00001", "AutoStartInstance": True},
     403, "InstanceLockedForSecurity", "The instance is locked due to security."),
    ("snapshot-too-old", SANDBOX, {"DiskId": "d-bp1errsnapold0001"},
     403, "InvalidSnapshot.TooOld",
     "The disk is created from a snapshotId made before 2013-07-15, it cannot be re-initiated the specified "
     "disk any more since the detached first time."),
    ("snapshot-missing", SANDBOX, {"DiskId": "d-bp1errsnapgone001"},
     403, "OperationDenied", SNAPSHOT_DELETED),
    ("instance-expired", SANDBOX, {"DiskId": "d-bp1errexpired0001"},
     403, "InstanceExpiredOrInArrears",
     "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears "
     "(afterpay mode)."),
    ("creating-snapshot", SANDBOX, {"DiskId": "d-bp1errsnapshotng1"},
     403, "DiskCreatingSnapshot", "The operation is denied due to a snapshot of the specified disk is not "
     "completed yet."),
    ("snapshot-deleted", SANDBOX, {"DiskId": "d-bp1errsnapdel0001"},
     403, "InvalidSourceSnapshot", SNAPSHOT_DELETED),
    ("image-deleted", SANDBOX, {"DiskId": "d-bp1errimagedel001"},
     404, "InvalidImageId.NotFound", "The specified ImageId does not exist."),
    ("shared-image-deleted", SANDBOX, {"DiskId": "d-bp1errsharedimg01"},
     403, "SharedImageDeleted", "The specified image by others shared is deleted."),
    ("password-malformed", SANDBOX, {"DiskId": OK_WINDOWS, "Password": MALFORMED_PASSWORD},
     400, "InvalidPassword.Malformed", 'The specified parameter "Password" is not valid.'),
    ("windows-password-slash", SANDBOX, {"DiskId": OK_WINDOWS, "Password": WINDOWS_SLASH_PASSWORD},
     400, "InvalidPassword.Malformed", 'The specified parameter "Password" is not valid.'),
    ("local-disk", SANDBOX, {"DiskId": "d-bp1errlocaldisk01"},
     400, "DiskCategory.OperationNotSupported",
     "The operation is not supported to the specified disk due to its disk category"),
    ("key-pair-not-found", SANDBOX, {"DiskId": OK_WINDOWS, "KeyPairName": "no-such-key"},
     400, "InvalidKeyPairName.NotFound", "The specified KeyPairName does not exist."),
    ("not-io-optimized", SANDBOX, {"DiskId": "d-bp1errnoioopt0001"},
     400, "DependencyViolation.IoOptimize", "The specified parameter InstanceId is not valid."),
    ("not-in-white-list", NO_WHITE_LIST, {"DiskId": "d-bp1errmultiattach"},
     403, "UserNotInTheWhiteList", "The user is not in volume white list."),
    ("image-missing", SANDBOX, {"DiskId": "d-bp1errimagegone01"},
     404, "InvalidDiskId.OperationNotSupported", "The operation is not supported due to image not exist."),
]


def only(items, key, value):
    matching = [item for item in items if item[key] == value]
    assert len(matching) == 1, f"{key}={value}: {items}"
    return matching[0]


class SharedCases:
    """The cases every SDK runs. Subclasses say how to make a client (`make_client`)."""

    @classmethod
    def make_client(cls, endpoint, record, access_key_id, secret, token=None, region="cn-hangzhou"):
        raise NotImplementedError

    @pytest.fixture(scope="class")
    @classmethod
    def record(cls):
        return CallRecord()

    @pytest.fixture(scope="class")
    @classmethod
    def connect(cls, server, record):
        """connect(access_key_id, secret=<the world's>, token=<the world's>) → a client of this class's SDK."""

        def connect(access_key_id, secret=None, token=None, **options):
            account = ACCOUNTS.get(access_key_id, {})
            return cls.make_client(
                server.endpoint,
                record,
                access_key_id,
                secret if secret is not None else account.get("AccessKeySecret", "any-secret"),
                token if token is not None else account.get("SecurityToken"),
                **options,
            )

        return connect

    @pytest.fixture(scope="class")
    @classmethod
    def sdk(cls, connect):
        return connect(SANDBOX)

    def disks(self, sdk, *disk_ids):
        response = sdk.call("DescribeDisks", RegionId="cn-hangzhou", DiskIds=json.dumps(list(disk_ids)))
        return response["Disks"]["Disk"]

    def instance(self, sdk, instance_id):
        response = sdk.call("DescribeInstances", RegionId="cn-hangzhou", InstanceIds=json.dumps([instance_id]))
        return only(response["Instances"]["Instance"], "InstanceId", instance_id)

    # Reading the world

    def test_describe_regions(self, sdk):
        response = sdk.call("DescribeRegions")
        assert REQUEST_ID.match(response["RequestId"])
        regions = response["Regions"]["Region"]
        assert [region["RegionId"] for region in regions] == ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]
        hangzhou = regions[0]
        assert hangzhou["LocalName"] == "华东1（杭州）"
        assert hangzhou["RegionEndpoint"] == "ecs-cn-hangzhou.aliyuncs.com"
        assert hangzhou["Status"] == "available"

    def test_describe_disks_by_ids(self, sdk):
        # json.dumps writes ", ": the Tea SDK sends that space as "+", the old SDK as "%20".
        disks = self.disks(sdk, OK_WINDOWS, AVAILABLE, "d-bp1doesnotexist01")
        assert sorted(disk["DiskId"] for disk in disks) == sorted([OK_WINDOWS, AVAILABLE])
        windows = only(disks, "DiskId", OK_WINDOWS)
        assert windows["Status"] == "In_use"
        assert windows["Type"] == "system"
        assert windows["InstanceId"] == WIN_1
        assert windows["RegionId"] == "cn-hangzhou"
        assert windows["DiskName"] == "ok-system-windows"
        available = only(disks, "DiskId", AVAILABLE)
        assert available["Status"] == "Available"
        assert available["InstanceId"] == ""

    def test_describe_disks_matching_nothing_is_an_empty_wrapped_list(self, sdk):
        # UTF-8, spaces, "&" and "+": encoded by each SDK its own way, and all signed.
        response = sdk.call("DescribeDisks", RegionId="cn-hangzhou", DiskName="华东 磁盘 & more+1")
        assert response["Disks"] == {"Disk": []}
        assert response["TotalCount"] == 0

    def test_describe_instances(self, sdk):
        response = sdk.call("DescribeInstances", RegionId="cn-hangzhou", InstanceIds=json.dumps([WIN_1, LOCKED]))
        instances = response["Instances"]["Instance"]
        assert sorted(instance["InstanceId"] for instance in instances) == sorted([WIN_1, LOCKED])
        win = only(instances, "InstanceId", WIN_1)
        assert (win["InstanceName"], win["Status"], win["OSType"]) == ("win-1", "Stopped", "windows")
        locked = only(instances, "InstanceId", LOCKED)
        assert locked["OperationLocks"]["LockReason"] == [{"LockReason": "security"}]

    # ReInitDisk

    def test_reinit_disk_then_the_disk_is_reiniting(self, sdk):
        response = sdk.call("ReInitDisk", DiskId=OK_SYSTEM, Password=PASSWORD, AutoStartInstance=True)
        assert list(response) == ["RequestId"]
        assert REQUEST_ID.match(response["RequestId"])
        [disk] = self.disks(sdk, OK_SYSTEM)
        assert (disk["Status"], disk["InstanceId"], disk["Device"]) == ("ReIniting", WEB_1, "/dev/xvda")
        assert self.instance(sdk, WEB_1)["Status"] == "Starting"

    def test_reinit_disk_with_every_kind_of_special_character_in_the_password(self, sdk):
        response = sdk.call(
            "ReInitDisk",
            DiskId=OK_CUSTOM_IMAGE,
            Password=SPECIAL_PASSWORD,
            KeyPairName="deploy-key",
            SecurityEnhancementStrategy="Deactive",
            AutoStartInstance=False,
        )
        assert list(response) == ["RequestId"]
        [disk] = self.disks(sdk, OK_CUSTOM_IMAGE)
        assert disk["Status"] == "ReIniting"
        host = self.instance(sdk, CUSTOM_IMAGE_HOST)
        assert (host["Status"], host["KeyPairName"]) == ("Stopped", "deploy-key")

    def test_reinit_disk_in_another_region(self, connect):
        shanghai = connect(SANDBOX, region="cn-shanghai")
        response = shanghai.call("ReInitDisk", DiskId="d-uf6oksystem000001", Password=PASSWORD)
        assert list(response) == ["RequestId"]
        response = shanghai.call("DescribeDisks", RegionId="cn-shanghai", DiskIds='["d-uf6oksystem000001"]')
        assert response["Disks"]["Disk"][0]["Status"] == "ReIniting"

    def test_reinit_disk_with_the_password_in_a_form_body(self, sdk):
        failure = sdk.fail("ReInitDisk", form_body=("Password",), DiskId=OK_HOST_SYSTEM, Password=MALFORMED_PASSWORD)
        assert (failure.code, failure.status) == ("InvalidPassword.Malformed", 400)
        response = sdk.call("ReInitDisk", form_body=("Password",), DiskId=OK_HOST_SYSTEM, Password=SPECIAL_PASSWORD)
        assert list(response) == ["RequestId"]
        [disk] = self.disks(sdk, OK_HOST_SYSTEM)
        assert disk["Status"] == "ReIniting"

    @pytest.mark.parametrize(
        "account, parameters, status, code, message",
        [case[1:] for case in REINIT_ERRORS],
        ids=[case[0] for case in REINIT_ERRORS],
    )
    def test_reinit_disk_error(self, connect, account, parameters, status, code, message):
        failure = connect(account).fail("ReInitDisk", **parameters)
        assert (failure.code, failure.status, failure.message) == (code, status, message)
        assert REQUEST_ID.match(failure.request_id)

    # StopInstance and StartInstance

    def test_stop_then_start_an_instance(self, sdk):
        assert self.instance(sdk, RUNNING)["Status"] == "Running"
        assert list(sdk.call("StopInstance", InstanceId=RUNNING)) == ["RequestId"]
        assert self.instance(sdk, RUNNING)["Status"] == "Stopping"
        deadline = time.monotonic() + 15  # the sandbox stops an instance in 3 s
        while self.instance(sdk, RUNNING)["Status"] != "Stopped":
            assert time.monotonic() < deadline, "the instance never reached Stopped"
            time.sleep(0.25)
        assert list(sdk.call("StartInstance", InstanceId=RUNNING)) == ["RequestId"]
        assert self.instance(sdk, RUNNING)["Status"] == "Starting"

    def test_stop_a_stopped_instance(self, sdk):
        failure = sdk.fail("StopInstance", InstanceId=WIN_1)
        assert (failure.code, failure.status, failure.message) == (
            "IncorrectInstanceStatus", 403, INCORRECT_INSTANCE_STATUS)

    # Credentials

    def test_sts_account(self, connect):
        sts = connect(STS)
        assert len(sts.call("DescribeRegions")["Regions"]["Region"]) == 3
        failure = sts.fail("ReInitDisk", DiskId="d-bp1errlocked00001")
        assert (failure.code, failure.status) == ("InstanceLockedForSecurity", 403)

    def test_sts_account_with_a_wrong_token(self, connect):
        failure = connect(STS, token="not-the-token").fail("DescribeRegions")
        assert (failure.code, failure.status, failure.message) == (
            "InvalidSecurityToken.Malformed", 400, "Specified SecurityToken is malformed.")

    def test_sts_account_without_its_token(self, connect):
        failure = connect(STS, token="").fail("ReInitDisk", DiskId=OK_WINDOWS, Password=PASSWORD)
        assert (failure.code, failure.status) == ("MissingSecurityToken", 400)
        assert failure.message.endswith(" is mandatory for this action.")

    def test_unknown_access_key_id(self, connect):
        failure = connect("nobody-has-this-key").fail("DescribeRegions")
        assert (failure.code, failure.status, failure.message) == (
            "InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.")

    def test_wrong_secret_changes_nothing(self, connect, sdk):
        wrong = connect(SANDBOX, secret="not-the-secret")
        failure = wrong.fail("ReInitDisk", DiskId=OK_WINDOWS, Password=PASSWORD, AutoStartInstance=True)
        self.assert_wrong_secret(wrong, failure)
        [disk] = self.disks(sdk, OK_WINDOWS)
        assert disk["Status"] == "In_use"
        assert self.instance(sdk, WIN_1)["Status"] == "Stopped"

    def assert_wrong_secret(self, client, failure):
        raise NotImplementedError

    # Last in each class (conftest.py sees to it): the log of every mutating call that reached an action.

    @pytest.mark.last_in_class
    def test_mutation_log_has_one_line_per_call_and_no_password(self, server, record):
        text = server.log.read_text(encoding="utf-8")
        entries = [json.loads(line) for line in text.splitlines()]
        expected = [call for call in record.calls if call.code not in GATEWAY_CODES]
        assert [(e["RequestId"], e["Action"], e["AccessKeyId"], e["HttpStatus"], e["Code"]) for e in entries] == [
            (c.request_id, c.action, c.access_key_id, c.status, c.code) for c in expected
        ]
        for entry, call in zip(entries, expected):
            sent = {name: str(value) for name, value in call.parameters.items()}
            if "Password" in sent:
                sent["Password"] = "***"
            logged = entry["Parameters"]
            assert {name: logged.get(name) for name in sent} == sent
            assert set(logged) - set(sent) <= {"RegionId"}
        for password in PASSWORDS:
            for form in {password, quote(password, safe=""), quote_plus(password, safe="")}:
                assert form not in text, f"the log holds a password ({form!r})"


class TestOldSDK(SharedCases):
    """aliyun-python-sdk-core 2.16.1 + aliyun-python-sdk-ecs 4.24.83."""

    @classmethod
    def make_client(cls, endpoint, record, access_key_id, secret, token=None, region="cn-hangzhou"):
        return OldSDK(endpoint, record, access_key_id, secret, token=token or None, region=region)

    def assert_wrong_secret(self, client, failure):
        # The SDK compares the server's string to sign with its own and, when they are equal, says the
        # secret is wrong: proof that the emulator canonicalised the request exactly as the SDK did.
        assert (failure.code, failure.status, failure.message) == (
            "InvalidAccessKeySecret",
            400,
            "The AccessKeySecret is incorrect. Please check your AccessKeyId and AccessKeySecret.",
        )
        assert client.last_request.string_to_sign.startswith("POST&%2F&AccessKeyId%3Dsandbox%26Action%3DReInitDisk")

    def test_xml_success(self, sdk):
        status, headers, root = sdk.call_xml("DescribeDisks", DiskIds=json.dumps([OK_WINDOWS, AVAILABLE]))
        assert status == 200
        assert headers["Content-Type"].startswith("text/xml")
        assert root.tag == "DescribeDisksResponse"
        assert REQUEST_ID.match(root.findtext("RequestId"))
        disks = {disk.findtext("DiskId"): disk.findtext("Status") for disk in root.findall("Disks/Disk")}
        assert disks == {OK_WINDOWS: "In_use", AVAILABLE: "Available"}

    def test_xml_error(self, sdk):
        status, headers, root = sdk.call_xml("ReInitDisk", DiskId="d-bp1errlocked00001", Password=PASSWORD)
        assert status == 403
        assert headers["Content-Type"] == "text/xml;charset=utf-8"
        assert root.tag == "Error"
        assert root.findtext("Code") == "InstanceLockedForSecurity"
        assert root.findtext("Message") == "The instance is locked due to security."
        request_id = root.findtext("RequestId")
        assert REQUEST_ID.match(request_id)
        assert request_id in root.findtext("Recommend")

    def test_common_request(self, sdk):
        # The SDK's generic request, as used for actions without a request class.
        request = CommonRequest(domain=sdk.endpoint, version="2014-05-26", action_name="DescribeDisks")
        request.set_protocol_type("http")
        request.set_method("POST")
        request.add_query_param("DiskIds", json.dumps([OK_WINDOWS]))
        response = json.loads(sdk.client.do_action_with_exception(request))
        assert [disk["DiskId"] for disk in response["Disks"]["Disk"]] == [OK_WINDOWS]

    def test_get_method(self, sdk):
        request = sdk.request("DescribeDisks", {"DiskIds": json.dumps([OK_WINDOWS]), "DiskName": "ok-system-windows"})
        request.set_method("GET")
        response = json.loads(sdk.client.do_action_with_exception(request))
        assert [disk["DiskId"] for disk in response["Disks"]["Disk"]] == [OK_WINDOWS]

    def test_reinit_disk_with_a_malformed_region(self, connect):
        # RegionId comes from the client; ReInitDisk's request in the Tea SDK has no RegionId at all.
        failure = connect(SANDBOX, region="CN_Hangzhou").fail("ReInitDisk", DiskId=OK_WINDOWS)
        assert (failure.code, failure.status, failure.message) == (
            "InvalidRegionId.MalFormed", 400, "The specified RegionId is not valid")

    def test_reinit_disk_outside_the_clients_region(self, connect):
        # The old SDK sends its client's region as RegionId; a cn-shanghai disk is not in cn-hangzhou.
        failure = connect(SANDBOX).fail("ReInitDisk", DiskId="d-uf6okdata00000001")
        assert (failure.code, failure.status, failure.message) == (
            "InvalidDiskId.NotFound", 404, "The specified disk does not exist.")


class RecordingHmac:
    """Stands in for the `hmac` module inside the Tea SDK's signer, keeping every string it signs."""

    def __init__(self):
        self.messages = []

    def new(self, key, msg=None, digestmod=None):
        self.messages.append(msg.decode("utf-8") if isinstance(msg, bytes) else msg)
        return hmac.new(key, msg, digestmod)


class TeaCases(SharedCases):
    v1 = False
    asynchronous = False

    @classmethod
    def make_client(cls, endpoint, record, access_key_id, secret, token=None, region="cn-hangzhou"):
        return TeaSDK(endpoint, record, access_key_id, secret, token=token, region=region, v1=cls.v1,
                      asynchronous=cls.asynchronous)

    @pytest.fixture(autouse=True)
    def signed_strings(self, monkeypatch):
        self.recorder = RecordingHmac()
        monkeypatch.setattr(tea_utils, "hmac", self.recorder)
        return self.recorder

    def assert_wrong_secret(self, client, failure):
        # The Tea SDK passes the server's message through: its string to sign must be the one the SDK signed.
        assert (failure.code, failure.status) == ("SignatureDoesNotMatch", 400)
        assert failure.message.startswith(WRONG_SECRET_MESSAGE)
        server_string = failure.message[len(WRONG_SECRET_MESSAGE):]
        assert server_string == self.recorder.messages[-1]


    def test_typed_response_models(self, sdk):
        # What a Tea SDK user reads: the generated models, filled from the emulator's JSON.
        request = ecs_models.DescribeDisksRequest(region_id="cn-hangzhou", disk_ids=json.dumps([OK_WINDOWS]))
        response = sdk.client.describe_disks(request)
        assert response.status_code == 200
        assert response.body.total_count == 1
        [disk] = response.body.disks.disk
        assert (disk.disk_id, disk.status, disk.instance_id, disk.size) == (OK_WINDOWS, "In_use", WIN_1, 60)
        assert REQUEST_ID.match(response.body.request_id)


class TestTeaSDK(TeaCases):
    """alibabacloud-ecs20140526 7.11.8 + alibabacloud-tea-openapi 0.4.6, ACS3-HMAC-SHA256."""

    def test_signs_with_v3(self, sdk, signed_strings):
        sdk.call("DescribeRegions")
        assert signed_strings.messages[-1].startswith("ACS3-HMAC-SHA256\n")


class TestTeaSDKSignatureV1(TeaCases):
    """The same SDK with `signature_algorithm='v2'`: HMAC-SHA1, `SignatureVersion=1.0`."""

    v1 = True

    def test_signs_with_v1(self, sdk, signed_strings):
        sdk.call("DescribeRegions")
        assert signed_strings.messages[-1].startswith("POST&%2F&AccessKeyId%3Dsandbox%26Action%3DDescribeRegions")


class TestTeaSDKAsync(TeaCases):
    """The same SDK's `*_async` methods, which send through aiohttp rather than requests."""

    asynchronous = True
