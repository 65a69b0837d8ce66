package main

// The vocabulary synthetic catalogs are built from: business domains (one
// category of the error table each), the things inside a domain that can go
// wrong, and what goes wrong with them. Codes are Domain+Subject+Condition,
// e.g. ChannelTitleTooLong, with an English and a Korean message built from
// the same parts.

// word is one noun in both languages; id is its PascalCase form.
type word struct {
	id, en, ko string
}

var domains = []word{
	{"Account", "account", "계정"},
	{"Address", "address", "주소"},
	{"Album", "album", "앨범"},
	{"Announcement", "announcement", "공지"},
	{"Approval", "approval", "결재"},
	{"Article", "article", "게시글"},
	{"Asset", "asset", "자산"},
	{"Attendance", "attendance", "출석"},
	{"Audit", "audit log", "감사 로그"},
	{"Backup", "backup", "백업"},
	{"Badge", "badge", "배지"},
	{"Banner", "banner", "배너"},
	{"Billing", "billing account", "결제 계정"},
	{"Block", "block", "차단"},
	{"Board", "board", "게시판"},
	{"Booking", "booking", "예약"},
	{"Branch", "branch", "지점"},
	{"Budget", "budget", "예산"},
	{"Calendar", "calendar", "캘린더"},
	{"Campaign", "campaign", "캠페인"},
	{"Card", "card", "카드"},
	{"Cart", "cart", "장바구니"},
	{"Certificate", "certificate", "인증서"},
	{"Channel", "channel", "채널"},
	{"Chat", "chat", "채팅"},
	{"Checkout", "checkout", "주문서"},
	{"Cluster", "cluster", "클러스터"},
	{"Comment", "comment", "댓글"},
	{"Company", "company", "회사"},
	{"Contract", "contract", "계약"},
	{"Coupon", "coupon", "쿠폰"},
	{"Course", "course", "강의"},
	{"Customer", "customer", "고객"},
	{"Dashboard", "dashboard", "대시보드"},
	{"Delivery", "delivery", "배송"},
	{"Department", "department", "부서"},
	{"Deployment", "deployment", "배포"},
	{"Device", "device", "기기"},
	{"Document", "document", "문서"},
	{"Donation", "donation", "후원"},
	{"Employee", "employee", "직원"},
	{"Event", "event", "이벤트"},
	{"Exam", "exam", "시험"},
	{"Export", "export", "내보내기"},
	{"Feed", "feed", "피드"},
	{"File", "file", "파일"},
	{"Folder", "folder", "폴더"},
	{"Friend", "friend", "친구"},
	{"Gift", "gift", "선물"},
	{"Group", "group", "그룹"},
	{"Image", "image", "이미지"},
	{"Import", "import", "가져오기"},
	{"Inventory", "inventory", "재고"},
	{"Invoice", "invoice", "청구서"},
	{"Job", "job", "작업"},
	{"Lesson", "lesson", "수업"},
	{"License", "license", "라이선스"},
	{"Location", "location", "위치"},
	{"Meeting", "meeting", "회의"},
	{"Menu", "menu", "메뉴"},
	{"Message", "message", "메시지"},
	{"Notification", "notification", "알림"},
	{"Order", "order", "주문"},
	{"Organization", "organization", "조직"},
	{"Package", "package", "패키지"},
	{"Page", "page", "페이지"},
	{"Payment", "payment", "결제"},
	{"Payout", "payout", "정산"},
	{"Photo", "photo", "사진"},
	{"Playlist", "playlist", "재생목록"},
	{"Poll", "poll", "투표"},
	{"Post", "post", "포스트"},
	{"Product", "product", "상품"},
	{"Profile", "profile", "프로필"},
	{"Project", "project", "프로젝트"},
	{"Promotion", "promotion", "프로모션"},
	{"Question", "question", "질문"},
	{"Quiz", "quiz", "퀴즈"},
	{"Receipt", "receipt", "영수증"},
	{"Refund", "refund", "환불"},
	{"Reminder", "reminder", "리마인더"},
	{"Report", "report", "신고"},
	{"Repository", "repository", "저장소"},
	{"Review", "review", "리뷰"},
	{"Reward", "reward", "보상"},
	{"Room", "room", "방"},
	{"Seat", "seat", "좌석"},
	{"Session", "session", "세션"},
	{"Shipment", "shipment", "출고"},
	{"Shop", "shop", "상점"},
	{"Sticker", "sticker", "스티커"},
	{"Subscription", "subscription", "구독"},
	{"Survey", "survey", "설문"},
	{"Team", "team", "팀"},
	{"Thread", "thread", "스레드"},
	{"Ticket", "ticket", "티켓"},
	{"User", "user", "사용자"},
	{"Wallet", "wallet", "지갑"},
}

var subjects = []word{
	{"Name", "name", "이름"},
	{"Title", "title", "제목"},
	{"Owner", "owner", "소유자"},
	{"Status", "status", "상태"},
	{"Size", "size", "크기"},
	{"Format", "format", "형식"},
	{"Version", "version", "버전"},
	{"Setting", "setting", "설정"},
	{"Link", "link", "링크"},
	{"Invitation", "invitation", "초대"},
	{"Permission", "permission", "권한"},
	{"Attachment", "attachment", "첨부 파일"},
	{"Quota", "quota", "할당량"},
	{"Language", "language", "언어"},
	{"Price", "price", "가격"},
	{"Currency", "currency", "통화"},
	{"Date", "date", "날짜"},
	{"Count", "count", "개수"},
	{"Type", "type", "유형"},
	{"Password", "password", "비밀번호"},
	{"Signature", "signature", "서명"},
	{"Metadata", "metadata", "메타데이터"},
	{"Description", "description", "설명"},
	{"Parent", "parent", "상위 항목"},
	{"Thumbnail", "thumbnail", "썸네일"},
	{"URL", "URL", "URL"},
	{"Phone", "phone number", "전화번호"},
	{"Timezone", "time zone", "시간대"},
	{"Category", "category", "카테고리"},
	{"Priority", "priority", "우선순위"},
	{"Deadline", "deadline", "마감일"},
	{"Color", "color", "색상"},
	{"Icon", "icon", "아이콘"},
	{"Nickname", "nickname", "닉네임"},
	{"Key", "key", "키"},
	{"Role", "role", "역할"},
	{"Content", "content", "내용"},
	{"Visibility", "visibility", "공개 범위"},
	{"Option", "option", "옵션"},
	{"Amount", "amount", "금액"},
	{"Payload", "payload", "페이로드"},
	{"Cursor", "cursor", "커서"},
	{"Filter", "filter", "필터"},
	{"Tag", "tag", "태그"},
}

// param is a placeholder a condition's message may carry.
type param struct {
	name, typ, example string
}

// condition is what went wrong, with the HTTP status it is sent as. en and
// ko build the message from the domain and subject (and the placeholders
// in params); reason is the first sentence of a description.
type condition struct {
	id        string
	status    int
	retryable bool
	params    []param
	// optional: the params appear only in some codes; withParams builds
	// the message then, plain without.
	optional bool
	en, ko   func(d, s word) string
	plainEn  func(d, s word) string
	plainKo  func(d, s word) string
	reasonEn string
	reasonKo string
	// success conditions belong to the response table only.
	success bool
}

// errorConditions and successConditions are filled in init from the
// templates below, so the particles of Korean can follow the noun.
var conditions []condition

func init() {
	conditions = []condition{
		{
			id: "NotFound", status: 404, optional: true,
			params: []param{{"name", "string", "general"}},
			en:     func(d, s word) string { return "No " + d.en + " " + s.en + " named {name} was found." },
			ko: func(d, s word) string {
				return "{name}(이)라는 " + d.ko + " " + josa(s.ko, "이", "가") + " 없습니다."
			},
			plainEn: func(d, s word) string {
				return "The " + d.en + " " + s.en + " was not found."
			},
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "을", "를") + " 찾을 수 없습니다." },
			reasonEn: "the requested item does not exist or was removed",
			reasonKo: "요청한 항목이 없거나 삭제되었습니다",
		},
		{
			id: "AlreadyExists", status: 409, optional: true,
			params:   []param{{"name", "string", "general"}},
			en:       func(d, s word) string { return "The " + d.en + " " + s.en + " {name} already exists." },
			ko:       func(d, s word) string { return d.ko + " " + s.ko + " {name}은(는) 이미 존재합니다." },
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " already exists." },
			plainKo:  func(d, s word) string { return "이미 존재하는 " + d.ko + " " + s.ko + "입니다." },
			reasonEn: "an item with the same key was created earlier",
			reasonKo: "같은 키를 가진 항목이 이미 만들어져 있습니다",
		},
		{
			id: "Invalid", status: 400,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is invalid." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 올바르지 않습니다." },
			reasonEn: "the value does not follow the documented format",
			reasonKo: "값이 문서에 적힌 형식을 따르지 않습니다",
		},
		{
			id: "Missing", status: 400,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is required." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "은", "는") + " 필수입니다." },
			reasonEn: "a required field was left out of the request",
			reasonKo: "요청에 필수 항목이 빠졌습니다",
		},
		{
			id: "TooLong", status: 400,
			params: []param{{"maxLength", "int", "255"}},
			en:     func(d, s word) string { return "The " + d.en + " " + s.en + " must be at most {maxLength} characters." },
			ko: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "은", "는") + " 최대 {maxLength}자까지 입력할 수 있습니다."
			},
			reasonEn: "the value is longer than the service accepts",
			reasonKo: "값이 서비스가 받는 길이보다 깁니다",
		},
		{
			id: "TooShort", status: 400,
			params: []param{{"minLength", "int", "2"}},
			en: func(d, s word) string {
				return "The " + d.en + " " + s.en + " must be at least {minLength} characters."
			},
			ko: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "은", "는") + " 최소 {minLength}자 이상이어야 합니다."
			},
			reasonEn: "the value is shorter than the service accepts",
			reasonKo: "값이 서비스가 받는 길이보다 짧습니다",
		},
		{
			id: "TooLarge", status: 413,
			params: []param{{"maxSize", "string", "15MB"}},
			en:     func(d, s word) string { return "The " + d.en + " " + s.en + " exceeds the maximum size ({maxSize})." },
			ko: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "이", "가") + " 최대 크기({maxSize})를 초과했습니다."
			},
			reasonEn: "the upload is larger than the configured limit",
			reasonKo: "업로드가 설정된 한도보다 큽니다",
		},
		{
			id: "Expired", status: 410,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " has expired." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 만료되었습니다." },
			reasonEn: "the item was valid for a limited time only",
			reasonKo: "항목의 유효 기간이 지났습니다",
		},
		{
			id: "Locked", status: 423,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is locked." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 잠겨 있습니다." },
			reasonEn: "an administrator or another operation holds a lock on the item",
			reasonKo: "관리자나 다른 작업이 항목을 잠가 두었습니다",
		},
		{
			id: "Forbidden", status: 403,
			plainEn: func(d, s word) string { return "You do not have permission to change the " + d.en + " " + s.en + "." },
			plainKo: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "을", "를") + " 변경할 권한이 없습니다."
			},
			reasonEn: "the caller's role does not allow the change",
			reasonKo: "호출한 사용자의 역할로는 변경할 수 없습니다",
		},
		{
			id: "Conflict", status: 409, retryable: true,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " was changed by another request." },
			plainKo: func(d, s word) string {
				return "다른 요청이 " + d.ko + " " + josa(s.ko, "을", "를") + " 먼저 변경했습니다."
			},
			reasonEn: "two requests changed the same item at once",
			reasonKo: "두 요청이 같은 항목을 동시에 변경했습니다",
		},
		{
			id: "LimitExceeded", status: 422,
			params:   []param{{"limit", "int", "100"}},
			en:       func(d, s word) string { return "The " + d.en + " " + s.en + " limit of {limit} has been reached." },
			ko:       func(d, s word) string { return d.ko + " " + s.ko + " 한도({limit})에 도달했습니다." },
			reasonEn: "the plan allows no more items of this kind",
			reasonKo: "요금제에서 이 종류의 항목을 더 만들 수 없습니다",
		},
		{
			id: "Unavailable", status: 503, retryable: true,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " is temporarily unavailable." },
			plainKo: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "을", "를") + " 일시적으로 사용할 수 없습니다."
			},
			reasonEn: "a backing service is down or under maintenance",
			reasonKo: "뒤에서 동작하는 서비스가 중단되었거나 점검 중입니다",
		},
		{
			id: "NotSupported", status: 422,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is not supported." },
			plainKo:  func(d, s word) string { return "지원하지 않는 " + d.ko + " " + s.ko + "입니다." },
			reasonEn: "the value is well formed but this service does not handle it",
			reasonKo: "값의 형식은 맞지만 이 서비스가 처리하지 않습니다",
		},
		{
			id: "Disabled", status: 403,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " is disabled." },
			plainKo: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "이", "가") + " 비활성화되어 있습니다."
			},
			reasonEn: "the feature was turned off for this workspace",
			reasonKo: "이 워크스페이스에서 기능이 꺼져 있습니다",
		},
		{
			id: "Mismatch", status: 422,
			params: []param{{"expected", "string", "v2"}, {"actual", "string", "v1"}},
			en: func(d, s word) string {
				return "The " + d.en + " " + s.en + " does not match: expected {expected}, got {actual}."
			},
			ko: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "이", "가") + " 일치하지 않습니다. 입력 값은 {actual}, 기대 값은 {expected}입니다."
			},
			reasonEn: "the value differs from the one stored with the item",
			reasonKo: "값이 항목에 저장된 값과 다릅니다",
		},
		{
			id: "Timeout", status: 504, retryable: true,
			plainEn:  func(d, s word) string { return "Processing the " + d.en + " " + s.en + " timed out." },
			plainKo:  func(d, s word) string { return d.ko + " " + s.ko + " 처리 시간이 초과되었습니다." },
			reasonEn: "an upstream call took longer than the deadline",
			reasonKo: "상위 서비스 호출이 제한 시간보다 오래 걸렸습니다",
		},
		{
			id: "RateLimited", status: 429, retryable: true,
			params: []param{{"retryAfter", "int", "30"}},
			en: func(d, s word) string {
				return "Too many " + d.en + " " + s.en + " requests; retry after {retryAfter} seconds."
			},
			ko: func(d, s word) string {
				return d.ko + " " + s.ko + " 요청이 너무 많습니다. {retryAfter}초 후에 다시 시도하세요."
			},
			reasonEn: "the caller sent more requests than its quota allows",
			reasonKo: "호출한 쪽이 할당량보다 많은 요청을 보냈습니다",
		},
		{
			id: "Deleted", status: 410,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " has been deleted." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 삭제되었습니다." },
			reasonEn: "the item existed but was deleted for good",
			reasonKo: "항목이 있었지만 영구히 삭제되었습니다",
		},
		{
			id: "Pending", status: 409, retryable: true,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " is still being processed." },
			plainKo: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "을", "를") + " 아직 처리하고 있습니다."
			},
			reasonEn: "an earlier request on the item has not finished",
			reasonKo: "항목에 대한 이전 요청이 아직 끝나지 않았습니다",
		},
		{
			id: "Suspended", status: 403,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " has been suspended." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 정지되었습니다." },
			reasonEn: "the item was suspended after a policy review",
			reasonKo: "정책 검토 후 항목이 정지되었습니다",
		},
		{
			id: "Duplicated", status: 409,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is duplicated." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 중복되었습니다." },
			reasonEn: "the request lists the same value twice",
			reasonKo: "요청에 같은 값이 두 번 들어 있습니다",
		},
		{
			id: "ReadOnly", status: 403,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " is read-only." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "은", "는") + " 읽기 전용입니다." },
			reasonEn: "the field is computed by the service and cannot be set",
			reasonKo: "서비스가 계산하는 항목이라 직접 바꿀 수 없습니다",
		},
		{
			id: "PreconditionFailed", status: 412,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " changed since it was read." },
			plainKo: func(d, s word) string {
				return "조회한 뒤로 " + d.ko + " " + josa(s.ko, "이", "가") + " 변경되었습니다."
			},
			reasonEn: "the If-Match tag no longer matches the stored version",
			reasonKo: "If-Match 태그가 저장된 버전과 더 이상 맞지 않습니다",
		},
		{
			id: "UnsupportedFormat", status: 415,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " format is not supported." },
			plainKo:  func(d, s word) string { return "지원하지 않는 " + d.ko + " " + s.ko + " 형식입니다." },
			reasonEn: "the media type of the upload is not one the service reads",
			reasonKo: "업로드의 미디어 유형을 서비스가 읽지 못합니다",
		},
		{
			id: "SyncFailed", status: 502, retryable: true,
			plainEn: func(d, s word) string {
				return "Synchronising the " + d.en + " " + s.en + " with the upstream service failed."
			},
			plainKo: func(d, s word) string {
				return "상위 서비스와 " + d.ko + " " + s.ko + " 동기화에 실패했습니다."
			},
			reasonEn: "the upstream service answered with an error",
			reasonKo: "상위 서비스가 오류로 응답했습니다",
		},
		{
			id: "ProcessingFailed", status: 500, retryable: true,
			plainEn: func(d, s word) string { return "Processing the " + d.en + " " + s.en + " failed unexpectedly." },
			plainKo: func(d, s word) string {
				return d.ko + " " + s.ko + " 처리 중 예기치 않은 오류가 발생했습니다."
			},
			reasonEn: "the service hit an internal error",
			reasonKo: "서비스 내부에서 오류가 발생했습니다",
		},
		{
			id: "OutOfRange", status: 400,
			plainEn: func(d, s word) string { return "The " + d.en + " " + s.en + " is out of range." },
			plainKo: func(d, s word) string {
				return d.ko + " " + josa(s.ko, "이", "가") + " 허용 범위를 벗어났습니다."
			},
			reasonEn: "the value lies outside the documented bounds",
			reasonKo: "값이 문서에 적힌 범위를 벗어났습니다",
		},
		// Success outcomes: response table only.
		{
			id: "Retrieved", status: 200, success: true,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " was retrieved." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "을", "를") + " 조회했습니다." },
			reasonEn: "the request succeeded",
			reasonKo: "요청이 성공했습니다",
		},
		{
			id: "Created", status: 201, success: true,
			plainEn:  func(d, s word) string { return "The " + d.en + " " + s.en + " was created." },
			plainKo:  func(d, s word) string { return d.ko + " " + josa(s.ko, "이", "가") + " 생성되었습니다." },
			reasonEn: "the item was created",
			reasonKo: "항목이 생성되었습니다",
		},
		{
			id: "Accepted", status: 202, success: true,
			plainEn: func(d, s word) string {
				return "The " + d.en + " " + s.en + " change was accepted and will be applied shortly."
			},
			plainKo: func(d, s word) string {
				return d.ko + " " + s.ko + " 변경 요청을 접수했으며 곧 반영됩니다."
			},
			reasonEn: "the change was queued",
			reasonKo: "변경 요청이 대기열에 들어갔습니다",
		},
	}
}

// advice closes a description; one is picked per code.
var advice = []struct{ en, ko string }{
	{"Check the request against the API reference and send it again.", "API 문서를 보고 요청을 고친 뒤 다시 보내세요."},
	{"Show the message to the user; no retry will help.", "사용자에게 메시지를 보여 주세요. 다시 시도해도 결과는 같습니다."},
	{"Contact support with the request ID if this keeps happening.", "계속 발생하면 요청 ID와 함께 고객 지원에 문의하세요."},
	{"Reload the item and apply the change to the current version.", "항목을 다시 조회한 뒤 현재 버전에 변경을 적용하세요."},
	{"An administrator of the workspace can change this in the settings.", "워크스페이스 관리자가 설정에서 바꿀 수 있습니다."},
}

// josa appends the Korean particle that fits the noun's last syllable:
// withFinal after a closing consonant (batchim), without it otherwise, and
// both as "을(를)" when the noun does not end in Hangul.
func josa(noun, withFinal, without string) string {
	r := []rune(noun)
	last := r[len(r)-1]
	if last < 0xAC00 || last > 0xD7A3 {
		return noun + withFinal + "(" + without + ")"
	}
	if (last-0xAC00)%28 != 0 {
		return noun + withFinal
	}
	return noun + without
}

// status is one entry of the http table.
type status struct {
	code    int
	id      string
	en, ko  string
	headers []header
}

type header struct {
	name, requirement, en, ko string
}

var location = header{"Location", "SHOULD", "The URL the client is redirected to.", "클라이언트가 이동할 URL입니다."}

var statuses = []status{
	{100, "Continue", "Continue", "계속", nil},
	{101, "SwitchingProtocols", "Switching Protocols", "프로토콜 전환", nil},
	{200, "OK", "OK", "성공", nil},
	{201, "Created", "Created", "생성됨", []header{{"Location", "SHOULD", "The URL of the created resource.", "생성된 리소스의 URL입니다."}}},
	{202, "Accepted", "Accepted", "수락됨", nil},
	{203, "NonAuthoritativeInformation", "Non-Authoritative Information", "신뢰할 수 없는 정보", nil},
	{204, "NoContent", "No Content", "콘텐츠 없음", nil},
	{205, "ResetContent", "Reset Content", "콘텐츠 재설정", nil},
	{206, "PartialContent", "Partial Content", "부분 콘텐츠", []header{{"Content-Range", "MUST", "", ""}}},
	{300, "MultipleChoices", "Multiple Choices", "여러 선택지", nil},
	{301, "MovedPermanently", "Moved Permanently", "영구 이동", []header{location}},
	{302, "Found", "Found", "임시 이동", []header{location}},
	{303, "SeeOther", "See Other", "다른 위치 보기", []header{location}},
	{304, "NotModified", "Not Modified", "수정되지 않음", nil},
	{307, "TemporaryRedirect", "Temporary Redirect", "임시 리다이렉트", []header{location}},
	{308, "PermanentRedirect", "Permanent Redirect", "영구 리다이렉트", []header{location}},
	{400, "BadRequest", "Bad Request", "잘못된 요청", nil},
	{401, "Unauthorized", "Unauthorized", "인증되지 않음", []header{{"WWW-Authenticate", "MUST", "The authentication scheme the client must use.", "클라이언트가 사용해야 하는 인증 방식입니다."}}},
	{402, "PaymentRequired", "Payment Required", "결제 필요", nil},
	{403, "Forbidden", "Forbidden", "금지됨", nil},
	{404, "NotFound", "Not Found", "찾을 수 없음", nil},
	{405, "MethodNotAllowed", "Method Not Allowed", "허용되지 않는 메서드", []header{{"Allow", "MUST", "The methods the resource supports.", "리소스가 지원하는 메서드 목록입니다."}}},
	{406, "NotAcceptable", "Not Acceptable", "수용할 수 없음", nil},
	{407, "ProxyAuthenticationRequired", "Proxy Authentication Required", "프록시 인증 필요", []header{{"Proxy-Authenticate", "MUST", "", ""}}},
	{408, "RequestTimeout", "Request Timeout", "요청 시간 초과", nil},
	{409, "Conflict", "Conflict", "충돌", nil},
	{410, "Gone", "Gone", "사라짐", nil},
	{411, "LengthRequired", "Length Required", "길이 필요", nil},
	{412, "PreconditionFailed", "Precondition Failed", "전제 조건 실패", nil},
	{413, "ContentTooLarge", "Content Too Large", "콘텐츠가 너무 큼", []header{{"Retry-After", "MAY", "", ""}}},
	{414, "URITooLong", "URI Too Long", "URI가 너무 김", nil},
	{415, "UnsupportedMediaType", "Unsupported Media Type", "지원하지 않는 미디어 유형", []header{{"Accept", "SHOULD", "", ""}}},
	{416, "RangeNotSatisfiable", "Range Not Satisfiable", "범위를 만족할 수 없음", []header{{"Content-Range", "SHOULD", "", ""}}},
	{417, "ExpectationFailed", "Expectation Failed", "기대 실패", nil},
	{421, "MisdirectedRequest", "Misdirected Request", "잘못 전달된 요청", nil},
	{422, "UnprocessableContent", "Unprocessable Content", "처리할 수 없는 콘텐츠", nil},
	{423, "Locked", "Locked", "잠김", nil},
	{424, "FailedDependency", "Failed Dependency", "의존 실패", nil},
	{425, "TooEarly", "Too Early", "너무 이름", nil},
	{426, "UpgradeRequired", "Upgrade Required", "업그레이드 필요", []header{{"Upgrade", "MUST", "", ""}}},
	{428, "PreconditionRequired", "Precondition Required", "전제 조건 필요", nil},
	{429, "TooManyRequests", "Too Many Requests", "요청이 너무 많음", []header{{"Retry-After", "MAY", "How long to wait before the next request.", "다음 요청까지 기다릴 시간입니다."}}},
	{431, "RequestHeaderFieldsTooLarge", "Request Header Fields Too Large", "요청 헤더 필드가 너무 큼", nil},
	{451, "UnavailableForLegalReasons", "Unavailable For Legal Reasons", "법적 사유로 이용 불가", nil},
	{500, "InternalServerError", "Internal Server Error", "내부 서버 오류", nil},
	{501, "NotImplemented", "Not Implemented", "구현되지 않음", nil},
	{502, "BadGateway", "Bad Gateway", "잘못된 게이트웨이", nil},
	{503, "ServiceUnavailable", "Service Unavailable", "서비스 이용 불가", []header{{"Retry-After", "MAY", "When the service is expected back.", "서비스가 복구될 것으로 예상되는 시점입니다."}}},
	{504, "GatewayTimeout", "Gateway Timeout", "게이트웨이 시간 초과", nil},
	{505, "HTTPVersionNotSupported", "HTTP Version Not Supported", "지원하지 않는 HTTP 버전", nil},
	{507, "InsufficientStorage", "Insufficient Storage", "저장 공간 부족", nil},
	{511, "NetworkAuthenticationRequired", "Network Authentication Required", "네트워크 인증 필요", nil},
}

// clientCodes are the exceptions an HTTP client raises itself (-6 … -1).
var clientCodes = []status{
	{-6, "Timeout", "The request timed out.", "요청 시간이 초과되었습니다.", nil},
	{-5, "TooManyRedirects", "The request exceeded the maximum number of redirects.", "요청이 최대 리다이렉트 횟수를 초과했습니다.", nil},
	{-4, "URLRequired", "A valid URL is required to make a request.", "요청하려면 유효한 URL이 필요합니다.", nil},
	{-3, "HTTPError", "The HTTP request returned an unsuccessful status code.", "HTTP 요청이 실패 상태 코드를 반환했습니다.", nil},
	{-2, "ConnectionErr", "A network problem occurred (e.g. DNS failure or refused connection).", "네트워크 문제(DNS 실패, 연결 거부 등)가 발생했습니다.", nil},
	{-1, "RequestException", "An ambiguous exception occurred while handling the request.", "요청을 처리하는 중 분류할 수 없는 예외가 발생했습니다.", nil},
}
