// One app and one browser at a time: the suite shares two cores with the other test projects.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
