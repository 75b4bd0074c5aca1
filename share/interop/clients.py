"""The two official Alibaba Cloud Python SDKs for ECS, each driven as its users drive it.

Both adapters take API-named parameters (`DiskId`, `AutoStartInstance`, …) and hand them to the SDK's own
typed request for the action; both return the response as the API names it (`{"Disks": {"Disk": […]}}`) and
report an error answer as a `Failure` read through the SDK's own accessors. Every call of an action that
changes the world is noted in a `CallRecord`, so that the test can hold `ecsh serve --log` to what the
clients really sent.

`form_body=("Password",)` sends the named parameters in an `application/x-www-form-urlencoded` body instead
of the query: the old SDK through `add_body_params`, the Tea SDK through its generic `call_api`.
"""

import asyncio
import importlib
import json
import re
import warnings
from dataclasses import dataclass, field
from xml.etree import ElementTree

# The old SDK: aliyun-python-sdk-core's AcsClient with aliyun-python-sdk-ecs's request classes.
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient

# The current SDK: alibabacloud-ecs20140526 over alibabacloud-tea-openapi.
from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_tea_openapi import utils_models as open_api_models
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.exceptions import ClientException as TeaClientException
from alibabacloud_tea_openapi.models import Config
from alibabacloud_tea_openapi.utils import Utils as TeaUtils
from darabonba.runtime import RuntimeOptions

MUTATING_ACTIONS = {"ReInitDisk", "StartInstance", "StopInstance"}


@dataclass(frozen=True)
class Failure:
    """An error answer as the SDK exposes it."""

    code: str
    status: int
    message: str
    request_id: str


@dataclass(frozen=True)
class Call:
    """One call of a mutating action, as the client saw it."""

    action: str
    access_key_id: str
    parameters: dict
    request_id: str
    status: int
    code: str  # "Success" or the error code the server sent


@dataclass
class CallRecord:
    calls: list = field(default_factory=list)

    def note(self, action, access_key_id, parameters, request_id, status, code):
        if action in MUTATING_ACTIONS:
            self.calls.append(Call(action, access_key_id, dict(parameters), request_id, status, code))


class OldSDK:
    """aliyun-python-sdk-core 2.x + aliyun-python-sdk-ecs: signature v1 (HMAC-SHA1) in the query.

    The client's region becomes the request's `RegionId`; the emulator is registered as the endpoint of
    product `Ecs` in that region, reached over plain HTTP.
    """

    def __init__(self, endpoint, record, access_key_id, secret, token=None, region="cn-hangzhou"):
        if token is None:
            self.client = AcsClient(access_key_id, secret, region)
        else:
            self.client = AcsClient(region_id=region, credential=StsTokenCredential(access_key_id, secret, token))
        self.client.add_endpoint(region, "Ecs", endpoint)
        self.endpoint = endpoint
        self.access_key_id = access_key_id
        self.region = region
        self.record = record
        self.last_request = None

    def request(self, action, parameters, form_body=()):
        """The SDK's request object for `action`, filled through its typed setters."""
        module = importlib.import_module(f"aliyunsdkecs.request.v20140526.{action}Request")
        request = getattr(module, f"{action}Request")()
        request.set_protocol_type("http")
        for name, value in parameters.items():
            if name == "RegionId":
                # The old SDK sends its client's region; a call elsewhere needs a client there.
                assert value == self.region, f"this client is for {self.region}, not {value}"
            elif name in form_body:
                request.add_body_params(name, value)
            else:
                getattr(request, f"set_{name}")(value)
        self.last_request = request
        return request

    def call(self, action, form_body=(), **parameters):
        """The action's JSON response, parsed; raises ServerException on an error answer."""
        request = self.request(action, parameters, form_body)
        try:
            body = self.client.do_action_with_exception(request)
        except ServerException as error:
            self._note(action, parameters, error.get_request_id(), error.get_http_status(), error.get_error_code())
            raise
        response = json.loads(body)
        self._note(action, parameters, response["RequestId"], 200, "Success")
        return response

    def fail(self, action, form_body=(), **parameters):
        """The Failure the SDK raises for this call; an AssertionError if it succeeds."""
        try:
            response = self.call(action, form_body, **parameters)
        except ServerException as error:
            return Failure(
                code=error.get_error_code(),
                status=error.get_http_status(),
                message=error.get_error_msg(),
                request_id=error.get_request_id(),
            )
        raise AssertionError(f"{action} {parameters} succeeded: {response}")

    def call_xml(self, action, **parameters):
        """(status, headers, parsed XML root) with `Format=XML`. `do_action_with_exception` forces JSON, so
        XML goes through the client's raw `get_response`, which hands back what the server sent."""
        request = self.request(action, parameters)
        request.set_accept_format("XML")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            status, headers, body = self.client.get_response(request)
        root = ElementTree.fromstring(body)
        code = root.findtext("Code") if root.tag == "Error" else "Success"
        self._note(action, parameters, root.findtext("RequestId"), status, code)
        return status, headers, root

    def _note(self, action, parameters, request_id, status, code):
        self.record.note(action, self.access_key_id, parameters, request_id, status, code)


def snake_case(action):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()


class TeaSDK:
    """alibabacloud-ecs20140526 over alibabacloud-tea-openapi: signature v3 (ACS3-HMAC-SHA256) by default.

    `v1=True` sets `Config.signature_algorithm='v2'`, which the Tea runtime routes to `do_rpcrequest`: the
    RPC signature that Alibaba's documents call V2 and that goes on the wire as `SignatureVersion=1.0`
    (HMAC-SHA1, `Signature` in the query). `asynchronous=True` calls the `*_async` methods, which send
    through aiohttp instead of requests.
    """

    def __init__(self, endpoint, record, access_key_id, secret, token=None, region="cn-hangzhou", v1=False,
                 asynchronous=False):
        config = Config(
            access_key_id=access_key_id,
            access_key_secret=secret,
            security_token=token,
            endpoint=endpoint,
            protocol="http",
            region_id=region,
        )
        if v1:
            config.signature_algorithm = "v2"
        self.client = EcsClient(config)
        self.asynchronous = asynchronous
        self.access_key_id = access_key_id
        self.record = record

    def _run(self, method_name, *arguments):
        if self.asynchronous:
            return asyncio.run(getattr(self.client, method_name + "_async")(*arguments))
        return getattr(self.client, method_name)(*arguments)

    def _send(self, action, parameters, form_body):
        """The response body as a dict with the API's names."""
        if not form_body:
            request = getattr(ecs_models, f"{action}Request")().from_map(parameters)
            response = self._run(snake_case(action), request)
            assert response.status_code == 200, response.status_code
            return response.body.to_map()
        # The generic call, as the typed one makes it, with some parameters moved into a form body.
        params = open_api_models.Params(
            action=action, version="2014-05-26", protocol="HTTPS", pathname="/", method="POST", auth_type="AK",
            style="RPC", req_body_type="formData", body_type="json",
        )
        query = {name: value for name, value in parameters.items() if name not in form_body}
        body = {name: value for name, value in parameters.items() if name in form_body}
        request = open_api_models.OpenApiRequest(query=TeaUtils.query(query), body=TeaUtils.query(body))
        response = self._run("call_api", params, request, RuntimeOptions())
        assert response["statusCode"] == 200, response["statusCode"]
        return response["body"]

    def call(self, action, form_body=(), **parameters):
        """The response body as the API names it (the model's `to_map()`); raises the SDK's
        AlibabaCloudException (a TeaException) on an error answer."""
        try:
            body = self._send(action, parameters, form_body)
        except AlibabaCloudException as error:
            self.record.note(action, self.access_key_id, parameters, error.data.get("RequestId"),
                             error.statusCode, error.code)
            raise
        self.record.note(action, self.access_key_id, parameters, body["RequestId"], 200, "Success")
        return body

    def fail(self, action, form_body=(), **parameters):
        """The Failure the SDK raises for this call; an AssertionError if it succeeds.

        The Tea SDK raises a ClientException for a 4xx answer: `.code`, `.statusCode` (and `.status_code`),
        `.request_id`, `.data` (the error body as received) and `.message`, which it composes as
        `code: <status>, <Message> request id: <RequestId>`.
        """
        try:
            response = self.call(action, form_body, **parameters)
        except AlibabaCloudException as error:
            assert isinstance(error, TeaClientException) == (400 <= error.statusCode < 500), type(error)
            assert error.status_code == error.statusCode
            request_id = error.data["RequestId"]
            assert error.request_id == request_id
            assert error.message == f"code: {error.statusCode}, {error.data['Message']} request id: {request_id}"
            assert error.data["Code"] == error.code
            return Failure(code=error.code, status=error.statusCode, message=error.data["Message"],
                           request_id=request_id)
        raise AssertionError(f"{action} {parameters} succeeded: {response}")
