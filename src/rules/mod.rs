//! Pure relations over catalogue types: which KMS host key activates which client, on which
//! host OS, with which updates; thresholds and the KMS count model; Office, ADBA, AVMA and MAK
//! rules; agreement-program rules; and [`Denial`], the reasons for a "no".
