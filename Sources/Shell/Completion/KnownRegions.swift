/// The public ECS regions, for completing `use region` when DescribeRegions cannot answer (no
/// credentials yet, no network). AliyunCore's endpoint table is no substitute: it lists only the regions
/// whose endpoint is unusual, and keeps them private.
enum KnownRegions {
    static let ids = [
        "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou", "cn-shanghai",
        "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-hongkong",
        "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6",
        "ap-southeast-7", "us-east-1", "us-west-1", "eu-west-1", "eu-central-1", "me-east-1", "me-central-1",
        "na-south-1",
    ]
}
